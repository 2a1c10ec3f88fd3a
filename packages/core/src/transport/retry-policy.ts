import type { AbortSignalLike } from "@azure/abort-controller";
import type { PipelinePolicy, PipelineResponse } from "@azure/core-rest-pipeline";
import { requestIdOf } from "../response-info.js";
import { abortError } from "./abort-error.js";
import { callStates } from "./call-state.js";
import { logger } from "./logger.js";
import { retryAfterMs } from "./retry-after.js";
import { backoffMs, shouldRetryStatus } from "./retry-rules.js";
import { isTransportError } from "./transport-error.js";
import { mayHaveActed } from "./uncertain.js";
import { uncertainCreate } from "./uncertain-create.js";

/**
 * Azure OpenAI's retry rules: connection errors, timeouts and the retryable statuses are tried
 * again with backoff, or after the wait the service asked for. A wait beyond the caller's cap is
 * not slept through: the typed error (a `RateLimitError` for 429) is thrown at once with
 * `retryAfterMs`. An abort cancels a wait at once.
 *
 * Written here rather than configuring core-rest-pipeline's retryPolicy: its strategies cannot see
 * per-call settings, and it with its logger and body helpers cost 3.2 KB minified, a third of the
 * browser budget of core's whole request path (scripts/budgets.mjs).
 */
export function retryPolicy(random?: () => number): PipelinePolicy {
  return {
    name: "aoaiRetry",
    async sendRequest(request, next) {
      const state = callStates.get(request);
      for (let attempt = 0; ; attempt++) {
        let response: PipelineResponse | undefined;
        let failure: unknown;
        try {
          response = await next(request);
        } catch (error) {
          // Only transport failures are worth another try; a RestError that carries a response (a
          // policy that throws on status) is that response, so the last attempt's answer is the error.
          if (!isTransportError(error)) throw error;
          if (error.response) response = error.response;
          else failure = error;
        }
        if (
          state &&
          !state.retryUncertain &&
          !state.signal?.aborted &&
          (response === undefined || response.status >= 400) &&
          mayHaveActed(response, failure)
        ) {
          // Not sent again: the service may have done it. A create says so, with what to check.
          if (state.creates) throw uncertainCreate(state, response, failure);
          if (response) return response;
          throw failure;
        }
        const wait =
          state && !state.signal?.aborted && attempt < state.maxRetries && state.replayable
            ? nextWait(response, attempt, state.maxRetryAfterMs, random)
            : undefined;
        if (wait === undefined) {
          if (response) return response;
          throw failure;
        }
        if (response) discard(response);
        logger.warning(
          `Retry ${attempt + 1}/${state!.maxRetries} in ${wait} ms after ${
            response
              ? `${response.status} (request id ${requestIdOf(response.headers)})`
              : (failure as Error).message
          }`,
        );
        await sleep(wait, state!.signal);
        state!.retryCount++;
      }
    },
  };
}

function nextWait(
  response: PipelineResponse | undefined,
  attempt: number,
  maxRetryAfterMs: number,
  random: (() => number) | undefined,
): number | undefined {
  if (!response) return backoffMs(attempt, random);
  if (!shouldRetryStatus(response.status, response.headers.get("x-should-retry"))) return undefined;
  const asked = retryAfterMs(response.headers);
  // A wait beyond the cap is not slept through: the response goes back, and its error carries it.
  if (asked !== undefined && asked > maxRetryAfterMs) return undefined;
  return asked ?? backoffMs(attempt, random);
}

/** Releases a response that will not be read, so its connection is freed. */
function discard(response: PipelineResponse): void {
  response.browserStreamBody?.cancel().catch(() => {});
  (response.readableStreamBody as { resume?: () => void } | undefined)?.resume?.();
}

function sleep(ms: number, signal: AbortSignalLike | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
