import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import { callStates } from "./call-state.js";
import { transportError } from "./transport-error.js";

/** RestError code of an attempt that got no response in time. */
export const TIMEOUT_CODE = "TIMEOUT";

/**
 * A per-attempt timeout around the HTTP client's answer: for a JSON call that includes its body
 * (the client reads it before answering), for a stream only the headers. core-rest-pipeline's own
 * `timeout` cannot be told apart from the caller's abort (both surface as AbortError, so neither
 * is retried), and its browser client keeps the timer running into a streamed body; this one
 * stops when the client answers and turns into a retryable RestError.
 */
export function timeoutPolicy(): PipelinePolicy {
  return {
    name: "aoaiTimeout",
    async sendRequest(request, next) {
      const ms = callStates.get(request)?.timeoutMs ?? 0;
      if (!(ms > 0 && ms < Number.POSITIVE_INFINITY)) return next(request);
      const outer = request.abortSignal;
      const timer = new AbortController();
      const id = setTimeout(() => timer.abort(), ms);
      request.abortSignal = outer ? AbortSignal.any([outer as AbortSignal, timer.signal]) : timer.signal;
      try {
        return await next(request);
      } catch (error) {
        if (timer.signal.aborted && !outer?.aborted) {
          throw transportError(`No response within ${ms} ms.`, request, TIMEOUT_CODE);
        }
        throw error;
      } finally {
        clearTimeout(id);
        request.abortSignal = outer;
      }
    },
  };
}
