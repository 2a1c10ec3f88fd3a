// How Node reports a failed connection. Browsers get node-failures.browser.ts: fetch reports every
// failure as a bare TypeError, which fetch-http-client.ts turns into a RestError, so none of
// these codes ever arrives there.

/** Codes that prove a request never reached the service: it could not be connected. */
export const NOT_SENT: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
]);

/** A socket or response stream that broke mid-exchange, which Node throws as it is (no RestError). */
export function isNodeDrop(code: string | undefined, message: string | undefined): boolean {
  return code === "ECONNRESET" || code === "ERR_STREAM_PREMATURE_CLOSE" || message === "aborted";
}
