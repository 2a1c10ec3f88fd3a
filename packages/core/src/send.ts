import type { PipelineResponse } from "@azure/core-rest-pipeline";
import type { ApiVersion } from "./api-versions.js";
import { isV1 } from "./api-versions.js";
import type { AzureOpenAIClient } from "./client.js";
import type { RequestOptions } from "./client-options.js";
import { connectionOf } from "./connection.js";
import type { LastingCreate } from "./errors/create-not-confirmed-error.js";
import { errorFromResponse } from "./errors/error-from-response.js";
import type { MultipartForm } from "./multipart/form.js";
import { isMultipartForm } from "./multipart/form-brand.js";
import type { Reader } from "./readers/reader.js";
import { jsonBody } from "./request-body.js";
import { addCallerHeaders } from "./request-headers.js";
import { responseInfo } from "./response-info.js";
import { routeUrl } from "./route-url.js";
import type { Route } from "./routing.js";
import { CallRequest } from "./transport/call-request.js";
import { toSdkError } from "./transport/to-sdk-error.js";
import { autoVersion, checkVersion } from "./version-gates.js";

/** One operation call, as a feature package describes it. */
export interface OperationRequest extends Route {
  /** @default "POST" */
  method?: "GET" | "POST" | "DELETE" | undefined;
  /** A JSON object, or a {@link MultipartForm}. */
  body?: object | MultipartForm | undefined;
  /** The API versions that have the operation (see `versionsFrom`); unchecked when absent. */
  versions?: readonly ApiVersion[] | undefined;
  /** The operation's name in version errors. @default path */
  feature?: string | undefined;
  /** The feature package's User-Agent token, e.g. `aoai-chat/0.1.0`. */
  userAgent?: string | undefined;
  /** Overrides the reader's `accept`. */
  accept?: string | undefined;
  /**
   * An absolute URL the service handed out (an image link), requested instead of `path`. Another
   * origin gets no credential and none of the client's headers (transport/origin-guard.ts).
   */
  url?: string | undefined;
  /**
   * Set, with `lasting()`, on a create that makes a lasting object (a file, a batch, a job): a
   * failure after which the service may have made it is not retried but ends in
   * `CreateNotConfirmedError` saying what to check, unless the call's `retryUncertain` says so.
   */
  creates?: LastingCreate | undefined;
  options?: RequestOptions | undefined;
}

/**
 * Sends an operation through the client's pipeline (retries, timeout, credential, logging) and
 * reads the answer with `reader`. Checks the API version and encodes the body before anything is
 * sent; any status outside 2xx becomes the typed error. One async function with one `await` for
 * the answer (two for a form): each job is a plain call, so a JSON call costs no promise turn more.
 */
export async function send<T>(
  client: AzureOpenAIClient,
  request: OperationRequest,
  reader: Reader<T>,
): Promise<T> {
  const connection = connectionOf(client);
  const { options } = request;
  checkVersion(client, request.feature ?? request.path, request.versions);
  // A client given no API version sends each call where it is served (autoVersion).
  const version = connection.autoVersion ? autoVersion(request.path, request.versions) : client.apiVersion;
  const url = request.url ?? routeUrl(client.endpoint, version, request);
  const headers = connection.headers(request.userAgent);
  headers.set("accept", request.accept ?? reader.accept);
  // The v1 API names the deployment in the body, as `model`.
  const model = isV1(version) && request.deployment !== undefined ? request.deployment : undefined;
  let body: unknown = request.body;
  let replayable = true;
  if (isMultipartForm(body)) {
    // Only a form is awaited: a JSON body is encoded at once, one promise turn less per call.
    const form = await body.prepare(headers, model);
    replayable = form.replayable;
    body = form.body;
  } else if (body !== undefined) {
    body = jsonBody(body as object, model, headers);
  }
  if (options?.headers) addCallerHeaders(headers, options.headers);
  const signal = options?.signal;
  if (signal?.aborted) throw toSdkError(signal.reason, signal);
  const call = new CallRequest(
    connection,
    url,
    request.method ?? "POST",
    headers,
    body as PipelineResponse["request"]["body"],
    replayable,
    reader.streams,
    options,
    request.creates,
  );

  let raw: PipelineResponse;
  try {
    raw = await connection.pipeline(call);
  } catch (error) {
    throw toSdkError(error, signal, call.retryCount);
  }
  if (raw.status < 200 || raw.status >= 300) {
    call.release?.();
    throw errorFromResponse(raw, call.retryCount);
  }
  return reader.read({
    raw,
    info: responseInfo(raw.status, raw.headers, call.retryCount),
    controller: call.controller,
    signal,
    idleTimeoutMs: call.idleTimeoutMs,
    release: call.release,
  });
}
