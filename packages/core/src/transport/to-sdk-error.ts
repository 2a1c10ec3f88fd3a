import { AOAIError } from "../errors/aoai-error.js";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
} from "../errors/connection-errors.js";
import { errorFromResponse } from "../errors/error-from-response.js";
import { isTransportError, TIMEOUT_CODE, type TransportError } from "./transport-error.js";

/**
 * Maps what the transport threw to this SDK's errors. The transport's errors can reach the
 * request (core-rest-pipeline's RestError keeps it, Node's keep the socket and its request), whose
 * headers hold the credential, so none is passed on as a cause: a fresh error with its message
 * and code is. Anything that is not a transport failure comes back as it is.
 */
export function toSdkError(error: unknown, signal: AbortSignal | undefined, retryCount = 0): unknown {
  if (AOAIError.isInstance(error)) return error;
  if (signal?.aborted) return new APIUserAbortError();
  // A policy that throws on status: the answer is the error, not the connection.
  const response = (error as TransportError | undefined)?.response;
  if (isTransportError(error) && response && response.status >= 300)
    return errorFromResponse(response, retryCount);
  const { name, message, code } = (error ?? {}) as { name?: string; message?: string; code?: string };
  const transport = isTransportError(error);
  if (
    !transport &&
    name !== "AbortError" &&
    code !== "ECONNRESET" &&
    code !== "ERR_STREAM_PREMATURE_CLOSE" &&
    message !== "aborted"
  ) {
    return error;
  }
  const cause = Object.assign(new Error(message ?? name), { code: code ?? name });
  if (transport && code === TIMEOUT_CODE)
    return new APIConnectionTimeoutError(message, { cause, retryCount });
  return new APIConnectionError(`Connection error: ${message ?? name}`, {
    cause,
    code: code ?? name,
    retryCount,
  });
}
