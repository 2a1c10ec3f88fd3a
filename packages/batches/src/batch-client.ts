import type { PagePromise, RequestOptions, WaitOptions, WithResponse } from "@aoai/core";
import { ResourceClient } from "@aoai/core";
import { call, get, json, lasting, list, sentVersions, waitFor } from "@aoai/core/internal";
import { BatchFailedError } from "./batch-failed-error.js";
import { checkCreate, checkListQuery } from "./check-request.js";
import { batches } from "./feature.js";
import type { BatchCreateRequest, BatchListQuery } from "./request-types.js";
import type { Batch, BatchRequestCounts } from "./response-types.js";

const BATCH = "batches/{batch_id}";
const ENDED: ReadonlySet<string> = new Set(["completed", "failed", "expired", "cancelled"]);
// A batch runs and is billed: not resent after a failure that may have created it.
const BATCH_CREATED = /* @__PURE__ */ lasting({ what: "batch", check: "BatchClient.list()" });

/** Options of {@link BatchClient.waitForCompletion}. */
export interface BatchWaitOptions extends WaitOptions {
  /** Called after every poll with the batch's `request_counts` (and the batch). */
  onProgress?: (counts: BatchRequestCounts, batch: WithResponse<Batch>) => void;
}

/**
 * Global batches of an Azure OpenAI resource: up to 50,000 requests per input file, answered
 * within 24 hours at half the price.
 *
 * ```ts
 * const batches = new BatchClient(client);
 * const batch = await batches.create({ input_file_id: file.id, endpoint: "/chat/completions" });
 * const done = await batches.waitForCompletion(batch.id, { onProgress: (c) => console.log(c) });
 * for await (const line of readBatchResults(files, done)) console.log(line.custom_id);
 * ```
 */
export class BatchClient extends ResourceClient {
  /**
   * Creates and starts a batch from an uploaded, processed input file. `completion_window`
   * defaults to `"24h"`. Bad fields, and Azure's blob fields on a version without them, throw
   * before anything is sent.
   */
  async create(request: BatchCreateRequest, options?: RequestOptions): Promise<WithResponse<Batch>> {
    checkCreate(this.client, request);
    const body = { ...request, completion_window: request.completion_window ?? "24h" };
    // A client given no API version sends the blob fields where they are served (core's autoVersion).
    const versions = sentVersions(batches, "batches", request);
    return call(batches, this, "batches", { body, creates: BATCH_CREATED, versions }, options, json<Batch>());
  }

  /** A batch, with its status and `request_counts`. */
  async retrieve(batchId: string, options?: RequestOptions): Promise<WithResponse<Batch>> {
    return get(batches, this, BATCH, { batch_id: batchId }, options);
  }

  /** Lists batches, newest first: `await` it for one page, or iterate it for all of them. */
  list(query: BatchListQuery = {}, options?: RequestOptions): PagePromise<Batch> {
    return list(batches, this, "batches", query, options, checkListQuery);
  }

  /**
   * Cancels a batch: it goes `cancelling`, then `cancelled`; the requests already done are still
   * written to its output file.
   */
  async cancel(batchId: string, options?: RequestOptions): Promise<WithResponse<Batch>> {
    return call(batches, this, `${BATCH}/cancel`, { params: { batch_id: batchId } }, options, json<Batch>());
  }

  /**
   * Polls the batch until it ends and returns it: `completed`, `expired` or `cancelled` (read the
   * status; the requests done are in its output file), or throws `BatchFailedError` with the
   * service's `errors` when it `failed`. Pauses 5 s between polls, 1.5 times longer each time, at
   * most 60 s; `onProgress` gets `request_counts` after every poll. `signal` stops the wait with
   * `APIUserAbortError`, `waitTimeout` (none by default) with `WaitTimeoutError`; the batch goes on.
   */
  waitForCompletion(batchId: string, options: BatchWaitOptions = {}): Promise<WithResponse<Batch>> {
    const { onProgress, ...wait } = options;
    return waitFor((o) => this.retrieve(batchId, o), wait, {
      what: `Batch ${batchId}`,
      ended: ENDED,
      failure: (batch) => (batch.status === "failed" ? new BatchFailedError(batch) : undefined),
      timeoutMs: Number.POSITIVE_INFINITY,
      pollInterval: 5000,
      maxPollInterval: 60_000,
      onPoll: onProgress && ((b) => onProgress(b.request_counts ?? { total: 0, completed: 0, failed: 0 }, b)),
    });
  }
}
