import type { PipelinePolicy, PipelineResponse } from "@azure/core-rest-pipeline";
import type { SendRequest } from "../pipeline.js";
import { bufferedAttempt } from "./buffered-attempt.js";
import { CallRequest } from "./call-request.js";
import { TIMEOUT_CODE, transportError } from "./transport-error.js";

/**
 * Gives each attempt one AbortController of its own, aborted by the caller's signal, by the
 * per-attempt timeout, or later by the reader of a streamed body (through the call request). One
 * controller, one timer and one listener per attempt: chaining signals with `AbortSignal.any`, as
 * this did before, cost about 4 us more per request (bench/src/profile.ts). The timeout covers the
 * HTTP client's answer: for a buffered call its body too, for a stream only the headers; it stops
 * when the client answers and becomes a retryable RestError, which the caller's abort never is.
 * In Node, a buffered attempt through the default client (`honoursTimeout`) needs none of that
 * (buffered-attempt.ts).
 */
export function attemptPolicy(honoursTimeout: boolean): PipelinePolicy {
  return {
    name: "aoaiAttempt",
    sendRequest(request, next) {
      // A request the SDK did not make (a plugged-in policy's own) passes as it is.
      if (!(request instanceof CallRequest)) return next(request);
      // `bufferedAttempt` first: browser builds have none, and the bundler drops the branch.
      if (bufferedAttempt && honoursTimeout && !request.streamResponseStatusCodes)
        return bufferedAttempt(request, request.signal, request.timeoutMs, next);
      return controlledAttempt(request, next);
    },
  };
}

async function controlledAttempt(request: CallRequest, next: SendRequest): Promise<PipelineResponse> {
  const caller = request.signal;
  const ms = request.timeoutMs;
  const controller = new AbortController();
  request.controller = controller;
  const abort = () => controller.abort();
  caller?.addEventListener("abort", abort);
  let timedOut = false;
  const timer =
    ms > 0 && ms < Infinity
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, ms)
      : undefined;
  request.abortSignal = controller.signal;
  let streaming = false;
  try {
    const response = await next(request);
    streaming = !!(response.readableStreamBody || response.browserStreamBody);
    return response;
  } catch (error) {
    if (timedOut && !caller?.aborted)
      throw transportError(`No response within ${ms} ms.`, request, TIMEOUT_CODE);
    throw error;
  } finally {
    clearTimeout(timer);
    // A streamed body is still flowing: the caller's abort must reach it until it ends.
    if (streaming) request.release = () => caller?.removeEventListener("abort", abort);
    else caller?.removeEventListener("abort", abort);
  }
}
