import type { PipelineRequest } from "@azure/core-rest-pipeline";
import type { LastingCreate } from "../errors/create-not-confirmed-error.js";

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
  /** Whether a failure the service may have acted on (a reset, a timeout, 500) is retried. */
  retryUncertain: boolean;
  /** What the call makes that lasts (a file, a batch), when it is a create. */
  creates?: LastingCreate | undefined;
  /** When a create was sent, in Unix seconds (0 for other calls). */
  sentAt: number;
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
