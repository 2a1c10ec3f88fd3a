import type { HttpHeaders, PipelineRequest } from "@azure/core-rest-pipeline";
import { checkCount, checkDuration } from "../checks.js";
import type { RequestOptions } from "../client-options.js";
import type { Connection } from "../connection.js";
import type { LastingCreate } from "../errors/create-not-confirmed-error.js";

// Statuses whose body a streaming reader gets as a stream; any other is buffered into an error.
const STREAMED: Set<number> = new Set([200]);

/**
 * The pipeline request of one SDK call, which also carries the call's own settings (the client's,
 * overridden by the caller's `options`) and state for the SDK's policies: core-rest-pipeline hands
 * policies the request, so what they need of the call travels on it (no table beside it, nothing
 * to clean up, no object more per call).
 *
 * Its `requestId`, for plugged-in policies that read it, is made when first read: a random UUID
 * per call was 0.9 us and 600 bytes of the SDK's own cost per request, and no policy of the SDK
 * reads it (bench, chat). Fields are assigned in the constructor, not declared, so a browser
 * bundle spells each name once.
 */
export class CallRequest implements PipelineRequest {
  declare url: string;
  declare method: PipelineRequest["method"];
  declare headers: HttpHeaders;
  declare body: PipelineRequest["body"];
  declare timeout: number;
  declare withCredentials: boolean;
  declare allowInsecureConnection: boolean;
  declare streamResponseStatusCodes: Set<number> | undefined;
  /** Each attempt gets its own controller's signal (attempt-policy.ts); until then, the caller's. */
  declare abortSignal: AbortSignal | undefined;
  /** The caller's signal. */
  declare readonly signal: AbortSignal | undefined;
  declare readonly maxRetries: number;
  declare readonly maxRetryAfterMs: number;
  /** Per-attempt wait for response headers, in ms; 0 or Infinity disables it. */
  declare readonly timeoutMs: number;
  /** How long a streamed body may send nothing, in ms (`streamIdleTimeout`). */
  declare readonly idleTimeoutMs: number;
  /** False for a body that can be read once (a stream): such a request is never sent twice. */
  declare readonly replayable: boolean;
  /** Whether a failure the service may have acted on (a reset, a timeout, 500) is retried. */
  declare readonly retryUncertain: boolean;
  /** What the call makes that lasts (a file, a batch), when it is a create. */
  declare readonly creates: LastingCreate | undefined;
  /** When a create was sent, in Unix seconds (0 for other calls). */
  declare readonly sentAt: number;
  /** Retries made so far. */
  declare retryCount: number;
  /** The current attempt's controller: aborting it stops that attempt, a streamed body included. */
  declare controller: AbortController | undefined;
  /** Stops the caller's signal from reaching a streamed body that has ended. */
  declare release: (() => void) | undefined;
  #requestId: string | undefined;

  constructor(
    connection: Pick<
      Connection,
      "maxRetries" | "maxRetryAfter" | "timeout" | "streamIdleTimeout" | "retryUncertain"
    >,
    url: string,
    method: PipelineRequest["method"],
    headers: HttpHeaders,
    body: PipelineRequest["body"],
    replayable: boolean,
    streams: boolean,
    options: RequestOptions | undefined,
    creates?: LastingCreate | undefined,
  ) {
    this.url = url;
    this.method = method;
    this.headers = headers;
    this.body = body;
    this.timeout = 0;
    this.withCredentials = false;
    // The endpoint check allows plain http only on loopback (a local emulator).
    this.allowInsecureConnection = url.startsWith("http:");
    this.streamResponseStatusCodes = streams ? STREAMED : undefined;
    this.abortSignal = this.signal = options?.signal;
    this.maxRetries =
      options?.maxRetries === undefined
        ? connection.maxRetries
        : checkCount(options.maxRetries, "maxRetries");
    this.maxRetryAfterMs = connection.maxRetryAfter;
    this.timeoutMs =
      options?.timeout === undefined ? connection.timeout : checkDuration(options.timeout, "timeout");
    this.idleTimeoutMs =
      options?.streamIdleTimeout === undefined
        ? connection.streamIdleTimeout
        : checkDuration(options.streamIdleTimeout, "streamIdleTimeout");
    this.replayable = replayable;
    // A create of a lasting object is not resent after an uncertain failure unless the call says so.
    this.retryUncertain = options?.retryUncertain ?? (creates ? false : connection.retryUncertain);
    this.creates = creates;
    this.sentAt = creates ? Math.floor(Date.now() / 1000) : 0;
    this.retryCount = 0;
    // `controller` and `release` are set by the attempt that has them (attempt-policy.ts).
  }

  // Browsers have randomUUID in secure contexts only.
  get requestId(): string {
    this.#requestId ??= globalThis.crypto?.randomUUID?.() ?? "";
    return this.#requestId;
  }

  set requestId(id: string) {
    this.#requestId = id;
  }
}
