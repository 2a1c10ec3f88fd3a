import type { HttpHeaders, PipelineRequest, PipelineResponse } from "@azure/core-rest-pipeline";
import type { ApiVersion } from "./api-versions.js";
import { isV1 } from "./api-versions.js";
import { checkHeader } from "./checks.js";
import type { AzureOpenAIClient } from "./client.js";
import { checkCount, checkDuration } from "./client.js";
import type { RequestOptions } from "./client-options.js";
import { connectionOf } from "./connection.js";
import { errorFromResponse } from "./errors/error-from-response.js";
import type { MultipartForm } from "./multipart/form.js";
import { isMultipartForm } from "./multipart/form-brand.js";
import { type ResponseInfo, responseInfo } from "./response-info.js";
import { type Route, routeUrl } from "./routing.js";
import { type CallState, callStates } from "./transport/call-state.js";
import { toSdkError } from "./transport/to-sdk-error.js";
import { checkModel } from "./v1-model.js";
import { checkVersion } from "./version-gates.js";

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
  options?: RequestOptions | undefined;
}

/** A response whose status is a success, handed to a {@link Reader}. */
export interface SentResponse {
  /** The pipeline response. Its `request` holds the credential header: never keep it on a result. */
  raw: PipelineResponse;
  info: ResponseInfo;
  /** Aborts the request, a streamed body included. */
  controller: AbortController;
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
  const url = routeUrl(client.endpoint, client.apiVersion, request);
  const state: CallState = {
    maxRetries:
      options?.maxRetries === undefined
        ? connection.maxRetries
        : checkCount(options.maxRetries, "maxRetries"),
    maxRetryAfterMs: connection.maxRetryAfter,
    timeoutMs:
      options?.timeout === undefined ? connection.timeout : checkDuration(options.timeout, "timeout"),
    replayable: true,
    retryCount: 0,
    signal: options?.signal,
  };
  const idleTimeoutMs =
    options?.streamIdleTimeout === undefined
      ? connection.streamIdleTimeout
      : checkDuration(options.streamIdleTimeout, "streamIdleTimeout");
  const headers = connection.headers(request.userAgent);
  headers.set("accept", request.accept ?? reader.accept);
  const body = await encodeBody(request, client.apiVersion, headers, state);
  for (const [name, value] of Object.entries(options?.headers ?? {})) {
    checkHeader(name, value);
    headers.set(name, value);
  }

  const signal = options?.signal;
  if (signal?.aborted) throw toSdkError(signal.reason, signal);
  const pipelineRequest: PipelineRequest = {
    url,
    method: request.method ?? "POST",
    headers,
    body: body as PipelineRequest["body"],
    // Each attempt gets its own controller (attempt-policy.ts); until then, the caller's signal.
    abortSignal: signal,
    timeout: 0,
    withCredentials: false,
    // For plugged-in policies that read it; browsers have randomUUID in secure contexts only.
    requestId: globalThis.crypto?.randomUUID?.() ?? "",
    // The endpoint check allows plain http only on loopback (a local emulator).
    allowInsecureConnection: client.endpoint.startsWith("http:"),
    streamResponseStatusCodes: reader.streams ? STREAMED : undefined,
  };
  callStates.set(pipelineRequest, state);

  let raw: PipelineResponse;
  try {
    raw = await connection.pipeline(pipelineRequest);
  } catch (error) {
    throw toSdkError(error, signal, state.retryCount);
  }
  if (raw.status < 200 || raw.status >= 300) {
    state.release?.();
    throw errorFromResponse(raw, state.retryCount);
  }
  const info = responseInfo(raw.status, raw.headers, state.retryCount);
  const controller = state.controller ?? new AbortController();
  return reader.read({ raw, info, controller, signal, idleTimeoutMs, release: state.release });
}

async function encodeBody(
  request: OperationRequest,
  apiVersion: string,
  headers: HttpHeaders,
  state: CallState,
): Promise<unknown> {
  const { body, deployment } = request;
  if (body === undefined) return undefined;
  // The v1 API names the deployment in the body; a different `model` there is refused, not replaced.
  const model = isV1(apiVersion) && deployment !== undefined ? deployment : undefined;
  if (isMultipartForm(body)) {
    const form = await body.prepare(headers, model);
    state.replayable = form.replayable;
    return form.body;
  }
  headers.set("content-type", "application/json");
  if (model === undefined) return JSON.stringify(body);
  checkModel((body as { model?: unknown }).model, model);
  return JSON.stringify({ ...body, model });
}
