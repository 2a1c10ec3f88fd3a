import type { PipelineResponse } from "@azure/core-rest-pipeline";

// Failures that prove the request never reached the service: it could not be connected.
const NOT_SENT: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
]);
// Statuses by which the service says it did nothing: it timed out reading, was locked, throttled
// or overloaded.
const NOTHING_DONE: ReadonlySet<number> = new Set([408, 409, 429, 503]);

/**
 * Whether a failed attempt may have been acted on by the service, so that sending it again could
 * do the work twice: a connection that failed after it was made (a reset, a timeout: the answer
 * may be what was lost), or a server error (500, 502, 504) unless `x-should-retry: true` says
 * another try is safe.
 */
export function mayHaveActed(response: PipelineResponse | undefined, failure: unknown): boolean {
  if (response)
    return (
      response.status >= 500 &&
      !NOTHING_DONE.has(response.status) &&
      response.headers.get("x-should-retry") !== "true"
    );
  return !NOT_SENT.has((failure as { code?: string } | undefined)?.code ?? "");
}
