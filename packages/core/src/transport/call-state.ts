import type { PipelineRequest } from "@azure/core-rest-pipeline";

/**
 * What the policies need to know about one SDK call. Kept beside the request (not in it) because
 * core-rest-pipeline's retry strategies only see the response or error, which point back to it.
 */
export interface CallState {
  maxRetries: number;
  maxRetryAfterMs: number;
  /** Per-attempt wait for response headers, in ms; 0 or Infinity disables it. */
  timeoutMs: number;
  /** False for a body that can be read once (a stream): such a request is never sent twice. */
  replayable: boolean;
  /** Retries made so far. */
  retryCount: number;
  /** The caller's signal. */
  signal: AbortSignal | undefined;
  /** The current attempt's controller: aborting it stops that attempt, a streamed body included. */
  controller?: AbortController | undefined;
  /** Stops the caller's signal from reaching a streamed body that has ended. */
  release?: (() => void) | undefined;
}

export const callStates: WeakMap<PipelineRequest, CallState> = new WeakMap();
