import type { PagePromise, RequestOptions, WaitOptions, WithResponse } from "@aoai/core";
import { ResourceClient } from "@aoai/core";
import { call, checkGate, get, json, lasting, list, waitFor } from "@aoai/core/internal";
import { checkCreate, checkListQuery } from "./check-request.js";
import { tuning } from "./feature.js";
import { FineTuningJobFailedError } from "./fine-tuning-job-failed-error.js";
import type { FineTuningJobCreateRequest, FineTuningListQuery } from "./request-types.js";
import type { FineTuningJob, FineTuningJobCheckpoint, FineTuningJobEvent } from "./response-types.js";

const JOBS = "fine_tuning/jobs";
const JOB = "fine_tuning/jobs/{fine_tuning_job_id}";
const ENDED: ReadonlySet<string> = new Set(["succeeded", "failed", "cancelled"]);
// A job trains and is billed: not resent after a failure that may have created it.
const JOB_CREATED = /* @__PURE__ */ lasting({ what: "fine-tuning job", check: "FineTuningClient.list()" });

/** Options of {@link FineTuningClient.waitForCompletion}. */
export interface FineTuningWaitOptions extends WaitOptions {
  /** Called after every poll with the job. */
  onProgress?: (job: WithResponse<FineTuningJob>) => void;
}

/**
 * Fine-tuning jobs of an Azure OpenAI resource.
 *
 * ```ts
 * const tuning = new FineTuningClient(client);
 * const job = await tuning.create({ model: "gpt-4o-mini-2024-07-18", training_file: file.id });
 * const done = await tuning.waitForCompletion(job.id, { onProgress: (j) => console.log(j.status) });
 * console.log(done.fine_tuned_model);
 * ```
 */
export class FineTuningClient extends ResourceClient {
  /**
   * Creates a job from an uploaded, processed training file (`purpose: "fine-tune"`). It starts
   * `validating_files`. Bad fields throw `InvalidInputError`, and `method` or `integrations` on a
   * version without them `UnsupportedApiVersionError`, before anything is sent.
   */
  async create(
    request: FineTuningJobCreateRequest,
    options?: RequestOptions,
  ): Promise<WithResponse<FineTuningJob>> {
    checkCreate(this.client, request);
    return call(tuning, this, JOBS, { body: request, creates: JOB_CREATED }, options, json<FineTuningJob>());
  }

  /** A job, with its status, `fine_tuned_model` once it succeeded, and `error` if it failed. */
  async retrieve(jobId: string, options?: RequestOptions): Promise<WithResponse<FineTuningJob>> {
    return get(tuning, this, JOB, { fine_tuning_job_id: jobId }, options);
  }

  /** Lists jobs, newest first: `await` it for one page, or iterate it for all of them. */
  list(query: FineTuningListQuery = {}, options?: RequestOptions): PagePromise<FineTuningJob> {
    return list(tuning, this, JOBS, query, options, checkListQuery);
  }

  /** Cancels a job that has not ended. */
  async cancel(jobId: string, options?: RequestOptions): Promise<WithResponse<FineTuningJob>> {
    return this.action("cancel", jobId, options);
  }

  /** Pauses a running job (newer API versions only). */
  async pause(jobId: string, options?: RequestOptions): Promise<WithResponse<FineTuningJob>> {
    return this.action("pause", jobId, options);
  }

  /** Resumes a paused job (newer API versions only). */
  async resume(jobId: string, options?: RequestOptions): Promise<WithResponse<FineTuningJob>> {
    return this.action("resume", jobId, options);
  }

  /** A job's events, newest first: status changes, messages and training metrics. */
  listEvents(
    jobId: string,
    query: FineTuningListQuery = {},
    options?: RequestOptions,
  ): PagePromise<FineTuningJobEvent> {
    return list(tuning, this, `${JOB}/events`, query, options, checkListQuery, { fine_tuning_job_id: jobId });
  }

  /** A job's checkpoints, newest first: the model saved at the end of each epoch. */
  listCheckpoints(
    jobId: string,
    query: FineTuningListQuery = {},
    options?: RequestOptions,
  ): PagePromise<FineTuningJobCheckpoint> {
    return list(tuning, this, `${JOB}/checkpoints`, query, options, checkListQuery, {
      fine_tuning_job_id: jobId,
    });
  }

  /**
   * Polls the job until it ends and returns it: `succeeded` (with `fine_tuned_model`) or
   * `cancelled`; throws `FineTuningJobFailedError` with the service's `error` when it `failed`. A
   * paused job is waited for. Pauses 10 s between polls, 1.5 times longer each time, at most 60 s;
   * `onProgress` gets the job after every poll. `signal` stops the wait with `APIUserAbortError`,
   * `waitTimeout` (none by default) with `WaitTimeoutError`; the job goes on.
   */
  waitForCompletion(
    jobId: string,
    options: FineTuningWaitOptions = {},
  ): Promise<WithResponse<FineTuningJob>> {
    const { onProgress, ...wait } = options;
    return waitFor((o) => this.retrieve(jobId, o), wait, {
      what: `Fine-tuning job ${jobId}`,
      ended: ENDED,
      failure: (job) => (job.status === "failed" ? new FineTuningJobFailedError(job) : undefined),
      timeoutMs: Number.POSITIVE_INFINITY,
      pollInterval: 10_000,
      maxPollInterval: 60_000,
      onPoll: onProgress,
    });
  }

  private action(
    name: "cancel" | "pause" | "resume",
    jobId: string,
    options: RequestOptions | undefined,
  ): Promise<WithResponse<FineTuningJob>> {
    if (name !== "cancel") checkGate(tuning, this.client, name);
    const params = { fine_tuning_job_id: jobId };
    return call(tuning, this, `${JOB}/${name}`, { params }, options, json<FineTuningJob>());
  }
}
