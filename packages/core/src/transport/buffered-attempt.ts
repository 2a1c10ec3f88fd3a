import type { PipelineRequest, PipelineResponse } from "@azure/core-rest-pipeline";
import { TIMEOUT_CODE, transportError } from "./transport-error.js";

/**
 * One attempt of a buffered call through Node's default client (core-rest-pipeline's node:http
 * client), which honours `request.timeout` and keeps its timer until the body is read: the
 * caller's signal and the timeout go to it as they are, with no AbortController of the SDK's. An
 * abort signal of the SDK's own cost that client a listener and a wait on three promises per
 * request: about 4 % of a chat call's CPU (chat, both ways in one process: 230 against 239 us).
 * Browsers have no such client (buffered-attempt.browser.ts); streams need a controller to abort
 * their body later, so they take attempt-policy.ts's own path.
 */
export function bufferedAttempt(
  request: PipelineRequest,
  caller: AbortSignal | undefined,
  timeoutMs: number,
  next: (request: PipelineRequest) => Promise<PipelineResponse>,
): Promise<PipelineResponse> {
  request.abortSignal = caller;
  request.timeout = timeoutMs < Infinity ? timeoutMs : 0;
  // A handler for failures only, not an async function: no frame kept per request.
  return next(request).catch((error: unknown) => {
    // The client aborted and the caller did not: its timer fired.
    if ((error as Error | undefined)?.name === "AbortError" && !caller?.aborted)
      throw transportError(`No response within ${timeoutMs} ms.`, request, TIMEOUT_CODE);
    throw error;
  });
}
