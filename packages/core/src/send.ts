import type { HttpHeaders, PipelineRequest, PipelineResponse } from "@azure/core-rest-pipeline";
import type { ApiVersion } from "./api-versions.js";
import { isV1 } from "./api-versions.js";
import { checkHeader } from "./checks.js";
import type { AzureOpenAIClient } from "./client.js";
import { checkCount, checkDuration } from "./client.js";
import type { RequestOptions } from "./client-options.js";
import { connectionOf } from "./connection.js";
import type { LastingCreate } from "./errors/create-not-confirmed-error.js";
import { errorFromResponse } from "./errors/error-from-response.js";
import type { MultipartForm } from "./multipart/form.js";
import { isMultipartForm } from "./multipart/form-brand.js";
import { type ResponseInfo, responseInfo } from "./response-info.js";
import { routeUrl } from "./route-url.js";
import type { Route } from "./routing.js";
import { type CallState, callStates } from "./transport/call-state.js";
import { toSdkError } from "./transport/to-sdk-error.js";
import { checkModel } from "./v1-model.js";
import { autoVersion, checkVersion } from "./version-gates.js";

/** One operation call, as a feature package describes it. */
export interface OperationRequest extends Route {
  /** @default "POST" */
  method?: "GET" | "POST" | "DELETE";
  /** A JSON object, or a {@link MultipartForm}. */
  body?: object | MultipartForm | undefined;
  /** The API versions that have the operation (see `versionsFrom`); unchecked when absent. */
  versions?: readonly ApiVersion[] | undefined;
  /** The operation's name in version errors. @default path */
  feature?: string;
  /** The feature package's User-Agent token, e.g. `aoai-chat/0.1.0`. */
  userAgent?: string;
  /** Overrides the reader's `accept`. */
  accept?: string;
  /**
   * An absolute URL the service handed out (an image link), requested instead of `path`. Another
   * origin gets no credential and none of the client's headers (transport/origin-guard.ts).
   */
  url?: string;
  /**
   * Set, with `lasting()`, on a create that makes a lasting object (a file, a batch, a job): a
   * failure after which the service may have made it is not retried but ends in
   * `CreateNotConfirmedError` saying what to check, unless the call's `retryUncertain` says so.
   */
  creates?: LastingCreate | undefined;
  options?: RequestOptions | undefined;
}

/** A response whose status is a success, handed to a {@link Reader}. */
export interface SentResponse {
  /** The pipeline response. Its `request` holds the credential header: never keep it on a result. */
  raw: PipelineResponse;
  info: ResponseInfo;
  /**
   * Aborts the request, a streamed body included: the attempt's own controller, which only a
   * streamed read has (attempt-policy.ts). A buffered answer is whole when it is read.
   */
  controller: AbortController | undefined;
  /** The caller's signal, to tell a caller's abort from a broken connection. */
  signal: AbortSignal | undefined;
  /** How long a streamed body may send nothing, in ms (`streamIdleTimeout`). */
  idleTimeoutMs: number;
  /** Call once a streamed body has ended, so the caller's signal lets go of it. */
  release: (() => void) | undefined;
}

/** Reads one kind of response body (JSON, text, bytes, a byte stream, server-sent events). */
export interface Reader<T> {
  /** The `accept` header it asks for. */
  readonly accept: string;
  /** True when the body is read as it arrives rather than buffered by the HTTP client. */
  readonly streams: boolean;
  read(response: SentResponse): T | Promise<T>;
}

// Statuses whose body a streaming reader gets as a stream; any other is buffered into an error.
const STREAMED: Set<number> = new Set([200]);

/**
 * Sends an operation through the client's pipeline (retries, timeout, credential, logging) and
 * reads the answer with `reader`. Checks the API version and encodes the body before anything is
 * sent; any status outside 2xx becomes the typed error.
 */
export async function send<T>(
  client: AzureOpenAIClient,
  request: OperationRequest,
  reader: Reader<T>,
): Promise<T> {
  const connection = connectionOf(client);
  const { options } = request;
  checkVersion(client, request.feature ?? request.path, request.versions);
  const version = connection.autoVersion ? autoVersion(request.path, request.versions) : client.apiVersion;
  const url = request.url ?? routeUrl(client.endpoint, version, request);
  const state: CallState = {
    maxRetries:
      options?.maxRetries === undefined
        ? connection.maxRetries
        : checkCount(options.maxRetries, "maxRetries"),
    maxRetryAfterMs: connection.maxRetryAfter,
    timeoutMs:
      options?.timeout === undefined ? connection.timeout : checkDuration(options.timeout, "timeout"),
    replayable: true,
    retryUncertain: options?.retryUncertain ?? (request.creates ? false : connection.retryUncertain),
    creates: request.creates,
    sentAt: request.creates ? Math.floor(Date.now() / 1000) : 0,
    retryCount: 0,
    signal: options?.signal,
  };
  const idleTimeoutMs =
    options?.streamIdleTimeout === undefined
      ? connection.streamIdleTimeout
      : checkDuration(options.streamIdleTimeout, "streamIdleTimeout");
  const headers = connection.headers(request.userAgent);
  headers.set("accept", request.accept ?? reader.accept);
  let body: unknown = request.body;
  // The v1 API names the deployment in the body; a different `model` there is refused, not replaced.
  const model = isV1(version) && request.deployment !== undefined ? request.deployment : undefined;
  if (isMultipartForm(body)) {
    // Only a form is awaited: a JSON body is encoded at once, one promise turn less per call.
    const form = await body.prepare(headers, model);
    state.replayable = form.replayable;
    body = form.body;
  } else if (body !== undefined) {
    headers.set("content-type", "application/json");
    if (model !== undefined) checkModel((body as { model?: unknown }).model, model);
    body = JSON.stringify(model === undefined ? body : { ...body, model });
  }
  if (options?.headers)
    for (const [name, value] of Object.entries(options.headers)) {
      checkHeader(name, value);
      headers.set(name, value);
    }

  const signal = options?.signal;
  if (signal?.aborted) throw toSdkError(signal.reason, signal);
  const pipelineRequest = new CallRequest(
    url,
    request.method ?? "POST",
    headers,
    body as PipelineRequest["body"],
    signal,
    // The endpoint check allows plain http only on loopback (a local emulator).
    client.endpoint.startsWith("http:"),
    reader.streams ? STREAMED : undefined,
  );
  callStates.set(pipelineRequest, state);

  let raw: PipelineResponse;
  try {
    raw = await connection.pipeline(pipelineRequest);
  } catch (error) {
    throw toSdkError(error, signal, state.retryCount);
  } finally {
    // Dropped now, not when the request is collected: a scavenge keeps every WeakMap value alive
    // (it clears dead keys only after), and the state reaches the attempt's controller and through
    // it the whole exchange. 57 KB survived each scavenge instead of 10, which grew the young
    // generation and RSS (bench, chat: --trace-gc-nvp).
    callStates.delete(pipelineRequest);
  }
  if (raw.status < 200 || raw.status >= 300) {
    state.release?.();
    throw errorFromResponse(raw, state.retryCount);
  }
  const info = responseInfo(raw.status, raw.headers, state.retryCount);
  return reader.read({
    raw,
    info,
    controller: state.controller,
    signal,
    idleTimeoutMs,
    release: state.release,
  });
}

/**
 * The pipeline request of one call. Its `requestId`, for plugged-in policies that read it, is made
 * when first read: a random UUID per call was 0.9 us and 600 bytes of the SDK's own cost per
 * request, and no policy of the SDK reads it (bench, chat).
 */
class CallRequest implements PipelineRequest {
  timeout = 0;
  withCredentials = false;
  #requestId: string | undefined;

  constructor(
    public url: string,
    public method: PipelineRequest["method"],
    public headers: HttpHeaders,
    public body: PipelineRequest["body"],
    // Each attempt gets its own controller (attempt-policy.ts); until then, the caller's signal.
    public abortSignal: AbortSignal | undefined,
    public allowInsecureConnection: boolean,
    public streamResponseStatusCodes: Set<number> | undefined,
  ) {}

  // Browsers have randomUUID in secure contexts only.
  get requestId(): string {
    this.#requestId ??= globalThis.crypto?.randomUUID?.() ?? "";
    return this.#requestId;
  }

  set requestId(id: string) {
    this.#requestId = id;
  }
}
