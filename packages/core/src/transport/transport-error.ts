import type { PipelineRequest, PipelineResponse } from "@azure/core-rest-pipeline";

/** What transports throw on failure: core-rest-pipeline's RestError, or one shaped like it. */
export interface TransportError extends Error {
  name: "RestError";
  code?: string;
  request?: PipelineRequest;
  response?: PipelineResponse;
}

/**
 * Recognised by name, not `instanceof`: importing RestError itself would pull its sanitizer into
 * every browser bundle, and a second copy of core-rest-pipeline would fail `instanceof` anyway.
 */
export function isTransportError(error: unknown): error is TransportError {
  return (error as { name?: unknown } | null | undefined)?.name === "RestError";
}

/** RestError code of an attempt that got no response in time. */
export const TIMEOUT_CODE = "TIMEOUT";

/** A transport failure in RestError's shape, so retries and error mapping treat it alike. */
export function transportError(
  message: string,
  request: PipelineRequest | undefined,
  code: string,
): TransportError {
  return Object.assign(new Error(message), { name: "RestError" as const, code, request });
}

/**
 * What fetch rejects with (a bare TypeError: "Failed to fetch", or "network error" for a body cut
 * mid-read) as a transport failure; an abort stays an abort.
 */
export function fetchFailure(error: unknown, request: PipelineRequest | undefined, code: string): unknown {
  return (error as Error | undefined)?.name === "AbortError"
    ? error
    : transportError(`fetch failed: ${(error as Error | undefined)?.message}`, request, code);
}
