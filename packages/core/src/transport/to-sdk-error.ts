import { AOAIError } from "../errors/aoai-error.js";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
} from "../errors/connection-errors.js";
import { TIMEOUT_CODE } from "./timeout-policy.js";
import { isTransportError } from "./transport-error.js";

/**
 * Maps what the transport threw to this SDK's errors. The transport's RestError keeps the request,
 * credential header included, so it is never passed on as a cause: only its message and code are.
 */
export function toSdkError(error: unknown, signal: AbortSignal | undefined): unknown {
  if (AOAIError.isInstance(error)) return error;
  if (signal?.aborted) return new APIUserAbortError();
  if (isTransportError(error)) {
    const cause = Object.assign(new Error(error.message), { code: error.code });
    if (error.code === TIMEOUT_CODE) return new APIConnectionTimeoutError(error.message, { cause });
    return new APIConnectionError(`Connection error: ${error.message}`, { cause, code: error.code });
  }
  const { name, message, code } = (error ?? {}) as { name?: string; message?: string; code?: string };
  if (
    name === "AbortError" ||
    code === "ECONNRESET" ||
    code === "ERR_STREAM_PREMATURE_CLOSE" ||
    message === "aborted"
  ) {
    return new APIConnectionError(`Connection error: ${message ?? name}`, {
      cause: error,
      code: code ?? name,
    });
  }
  return error;
}
