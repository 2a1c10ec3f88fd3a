import type { PipelineResponse, RestError, RetryStrategy } from "@azure/core-rest-pipeline";
import { createAPIError, parseErrorBody } from "../errors/create-api-error.js";
import { callStates } from "./call-state.js";
import { headersRecord } from "./headers-record.js";
import { retryAfterMs } from "./retry-after.js";
import { backoffMs, shouldRetryStatus } from "./retry-rules.js";

/**
 * The retry rules of Azure OpenAI as a core-rest-pipeline strategy: connection errors, timeouts and
 * the retryable statuses are retried with backoff, or after the wait the service asked for. A wait
 * longer than the caller's cap is not slept through: the typed error (a `RateLimitError` for 429)
 * is thrown at once with `retryAfterMs`, so the caller can decide.
 */
export function azureRetryStrategy(random?: () => number): RetryStrategy {
  return {
    name: "aoaiRetry",
    retry({ retryCount, response, responseError }) {
      const request = response?.request ?? responseError?.request;
      const state = request ? callStates.get(request) : undefined;
      if (!state || retryCount >= state.maxRetries || !state.replayable) return {};
      if (!response) {
        state.retryCount++;
        return { retryAfterInMs: backoffMs(retryCount, random) };
      }
      if (!shouldRetryStatus(response.status, response.headers.get("x-should-retry"))) return {};
      const asked = retryAfterMs(response.headers);
      if (asked !== undefined && asked > state.maxRetryAfterMs) {
        return { errorToThrow: tooLongWait(response, asked, state.retryCount) };
      }
      state.retryCount++;
      return { retryAfterInMs: asked ?? backoffMs(retryCount, random) };
    },
  };
}

function tooLongWait(response: PipelineResponse, asked: number, retryCount: number): RestError {
  const error = createAPIError({
    status: response.status,
    error: parseErrorBody(response.bodyAsText ?? undefined),
    headers: headersRecord(response.headers),
    retryAfterMs: asked,
    retryCount,
  });
  // The retry policy's type says RestError, but it only throws what it is given.
  return error as unknown as RestError;
}
