import type { AzureOpenAIClient, RequestOptions, WithResponse } from "@aoai/core";
import { checkClient, json, lasting, send } from "@aoai/core/internal";
import { type Page, PagePromise, pollUntil, type WaitOptions } from "@aoai/files";
import { BatchFailedError } from "./batch-failed-error.js";
import { checkCreate, checkListQuery } from "./check-request.js";
import type { BatchCreateRequest, BatchListQuery } from "./request-types.js";
import type { Batch, BatchRequestCounts } from "./response-types.js";
import { VERSION } from "./version.js";
import { sentVersions, versions } from "./versions.js";

const USER_AGENT = `aoai-batches/${VERSION}`;
const ENDED: ReadonlySet<string> = new Set(["completed", "failed", "expired", "cancelled"]);
// A batch runs and is billed: not resent after a failure that may have created it.
const BATCH = /* @__PURE__ */ lasting({ what: "batch", check: "BatchClient.list()" });

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
export class BatchClient {
  readonly client: AzureOpenAIClient;

  constructor(client: AzureOpenAIClient) {
    checkClient(client);
    this.client = client;
  }

  /**
   * Creates and starts a batch from an uploaded, processed input file. `completion_window`
   * defaults to `"24h"`. Bad fields, and Azure's blob fields on a version without them, throw
   * before anything is sent.
   */
  async create(request: BatchCreateRequest, options?: RequestOptions): Promise<WithResponse<Batch>> {
    checkCreate(this.client, request);
    const body = { ...request, completion_window: request.completion_window ?? "24h" };
    // A client given no API version sends the blob fields where they are served (core's autoVersion).
    const op = { ...this.op("batches", "POST", { body, options }), versions: sentVersions(request) };
    return send(this.client, { ...op, creates: BATCH }, json<Batch>());
  }

  /** A batch, with its status and `request_counts`. */
  async retrieve(batchId: string, options?: RequestOptions): Promise<WithResponse<Batch>> {
    return send(this.client, this.op("batches/{batch_id}", "GET", { batchId, options }), json<Batch>());
  }

  /** Lists batches, newest first: `await` it for one page, or iterate it for all of them. */
  list(query: BatchListQuery = {}, options?: RequestOptions): PagePromise<Batch> {
    return new PagePromise((after) => {
      checkListQuery(query);
      return send(
        this.client,
        this.op("batches", "GET", { query: { ...query, after: after ?? query.after }, options }),
        json<Page<Batch>>(),
      );
    });
  }

  /**
   * Cancels a batch: it goes `cancelling`, then `cancelled`; the requests already done are still
   * written to its output file.
   */
  async cancel(batchId: string, options?: RequestOptions): Promise<WithResponse<Batch>> {
    return send(
      this.client,
      this.op("batches/{batch_id}/cancel", "POST", { batchId, options }),
      json<Batch>(),
    );
  }

  /**
   * Polls the batch until it ends and returns it: `completed`, `expired` or `cancelled` (read the
   * status; the requests done are in its output file), or throws `BatchFailedError` with the
   * service's `errors` when it `failed`. Pauses 5 s between polls, 1.5 times longer each time, at
   * most 60 s; `onProgress` gets `request_counts` after every poll. `signal` stops the wait with
   * `APIUserAbortError`, `timeoutMs` (none by default) with `WaitTimeoutError`; the batch goes on.
   */
  async waitForCompletion(batchId: string, options: BatchWaitOptions = {}): Promise<WithResponse<Batch>> {
    const { onProgress, ...wait } = options;
    const batch = await pollUntil(
      (o) => this.retrieve(batchId, o),
      (b) => ENDED.has(b.status),
      wait,
      {
        what: `Batch ${batchId}`,
        timeoutMs: Number.POSITIVE_INFINITY,
        pollInterval: 5000,
        maxPollInterval: 60_000,
      },
      onProgress && ((b) => onProgress(b.request_counts ?? { total: 0, completed: 0, failed: 0 }, b)),
    );
    if (batch.status === "failed") throw new BatchFailedError(batch);
    return batch;
  }

  private op(
    path: string,
    method: "GET" | "POST",
    parts: {
      batchId?: string;
      body?: object;
      query?: Record<string, string | number | undefined>;
      options: RequestOptions | undefined;
    },
  ) {
    return {
      path,
      method,
      params: parts.batchId === undefined ? undefined : { batch_id: parts.batchId },
      query: parts.query,
      body: parts.body,
      versions: versions("batches"),
      feature: "batches",
      userAgent: USER_AGENT,
      options: parts.options,
    };
  }
}
