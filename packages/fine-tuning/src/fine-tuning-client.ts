import type { AzureOpenAIClient, RequestOptions, WithResponse } from "@aoai/core";
import { checkClient, checkVersion, json, lasting, send } from "@aoai/core/internal";
import { type Page, PagePromise, pollUntil, type WaitOptions } from "@aoai/files";
import { checkCreate, checkListQuery } from "./check-request.js";
import { FineTuningJobFailedError } from "./fine-tuning-job-failed-error.js";
import type { FineTuningJobCreateRequest, FineTuningListQuery } from "./request-types.js";
import type { FineTuningJob, FineTuningJobCheckpoint, FineTuningJobEvent } from "./response-types.js";
import { VERSION } from "./version.js";
import { versions } from "./versions.js";

const USER_AGENT = `aoai-fine-tuning/${VERSION}`;
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
export class FineTuningClient {
  readonly client: AzureOpenAIClient;

  constructor(client: AzureOpenAIClient) {
    checkClient(client);
    this.client = client;
  }

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
    const operation = this.op(JOBS, "POST", { body: request, options });
    return send(this.client, { ...operation, creates: JOB_CREATED }, json<FineTuningJob>());
  }

  /** A job, with its status, `fine_tuned_model` once it succeeded, and `error` if it failed. */
  async retrieve(jobId: string, options?: RequestOptions): Promise<WithResponse<FineTuningJob>> {
    return send(this.client, this.op(JOB, "GET", { jobId, options }), json<FineTuningJob>());
  }

  /** Lists jobs, newest first: `await` it for one page, or iterate it for all of them. */
  list(query: FineTuningListQuery = {}, options?: RequestOptions): PagePromise<FineTuningJob> {
    return this.pages<FineTuningJob>(JOBS, undefined, query, options);
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
    return this.pages<FineTuningJobEvent>(`${JOB}/events`, jobId, query, options);
  }

  /** A job's checkpoints, newest first: the model saved at the end of each epoch. */
  listCheckpoints(
    jobId: string,
    query: FineTuningListQuery = {},
    options?: RequestOptions,
  ): PagePromise<FineTuningJobCheckpoint> {
    return this.pages<FineTuningJobCheckpoint>(`${JOB}/checkpoints`, jobId, query, options);
  }

  /**
   * Polls the job until it ends and returns it: `succeeded` (with `fine_tuned_model`) or
   * `cancelled`; throws `FineTuningJobFailedError` with the service's `error` when it `failed`. A
   * paused job is waited for. Pauses 10 s between polls, 1.5 times longer each time, at most 60 s;
   * `onProgress` gets the job after every poll. `signal` stops the wait with `APIUserAbortError`,
   * `timeoutMs` (none by default) with `WaitTimeoutError`; the job goes on.
   */
  async waitForCompletion(
    jobId: string,
    options: FineTuningWaitOptions = {},
  ): Promise<WithResponse<FineTuningJob>> {
    const { onProgress, ...wait } = options;
    const job = await pollUntil(
      (o) => this.retrieve(jobId, o),
      (j) => ENDED.has(j.status),
      wait,
      {
        what: `Fine-tuning job ${jobId}`,
        timeoutMs: Number.POSITIVE_INFINITY,
        pollInterval: 10_000,
        maxPollInterval: 60_000,
      },
      onProgress,
    );
    if (job.status === "failed") throw new FineTuningJobFailedError(job);
    return job;
  }

  private action(
    name: "cancel" | "pause" | "resume",
    jobId: string,
    options: RequestOptions | undefined,
  ): Promise<WithResponse<FineTuningJob>> {
    if (name !== "cancel") checkVersion(this.client, name, versions(name));
    return send(this.client, this.op(`${JOB}/${name}`, "POST", { jobId, options }), json<FineTuningJob>());
  }

  private pages<T>(
    path: string,
    jobId: string | undefined,
    query: FineTuningListQuery,
    options: RequestOptions | undefined,
  ): PagePromise<T> {
    return new PagePromise((after) => {
      checkListQuery(query);
      return send(
        this.client,
        this.op(path, "GET", { jobId, query: { ...query, after: after ?? query.after }, options }),
        json<Page<T>>(),
      );
    });
  }

  private op(
    path: string,
    method: "GET" | "POST",
    parts: {
      jobId?: string | undefined;
      body?: object;
      query?: Record<string, string | number | undefined>;
      options: RequestOptions | undefined;
    },
  ) {
    return {
      path,
      method,
      params: parts.jobId === undefined ? undefined : { fine_tuning_job_id: parts.jobId },
      query: parts.query,
      body: parts.body,
      versions: versions(JOBS),
      feature: JOBS,
      userAgent: USER_AGENT,
      options: parts.options,
    };
  }
}
