import type { IncomingHttpHeaders, ServerResponse } from "node:http";

/** Request header carrying a `Fault` as JSON. */
export const FAULT_HEADER = "x-aoai-emulator-fault";
/** Request header carrying a `ScriptedReply` as JSON (chat only). */
export const REPLY_HEADER = "x-aoai-emulator-reply";
/** Request header asking a streamed chat completion for N content chunks. */
export const STREAM_CHUNKS_HEADER = "x-aoai-emulator-stream-chunks";

/** Headers a browser test must be able to read; CORS hides everything else from scripts. */
export const EXPOSED_HEADERS = [
  "apim-request-id",
  "x-request-id",
  "x-ms-client-request-id",
  "x-ms-region",
  "x-ratelimit-remaining-requests",
  "x-ratelimit-remaining-tokens",
  "x-ratelimit-limit-requests",
  "x-ratelimit-limit-tokens",
  "x-ratelimit-reset-requests",
  "x-ratelimit-reset-tokens",
  "x-ms-deployment-name",
  "azure-openai-deployment-utilization",
  "retry-after",
  "retry-after-ms",
  "content-type",
  "content-length",
].join(", ");

const ALLOWED_HEADERS =
  "api-key, authorization, content-type, accept, x-ms-client-request-id, x-ms-useragent, user-agent, x-aoai-emulator-fault, x-aoai-emulator-reply, x-aoai-emulator-stream-chunks, openai-beta";

/** CORS headers for every response; preflights echo what the browser asked for. */
export function corsHeaders(request: IncomingHttpHeaders): Record<string, string> {
  const origin = typeof request.origin === "string" ? request.origin : "*";
  const asked = request["access-control-request-headers"];
  return {
    "access-control-allow-origin": origin,
    "access-control-allow-methods": "GET, POST, DELETE, OPTIONS",
    "access-control-allow-headers": typeof asked === "string" && asked ? asked : ALLOWED_HEADERS,
    "access-control-expose-headers": EXPOSED_HEADERS,
    "access-control-max-age": "86400",
    vary: "Origin",
  };
}

/** Per-request values of the Azure headers. */
export interface AzureHeaderValues {
  requestId: string;
  clientRequestId: string | undefined;
  region: string;
  remainingRequests: number;
  remainingTokens: number;
  limitRequests: number;
  limitTokens: number;
  /** Seconds until the rate-limit window starts again. */
  resetSeconds: number;
}

/** The headers Azure's front door puts on every data-plane response. */
export function azureHeaders(values: AzureHeaderValues): Record<string, string> {
  const headers: Record<string, string> = {
    "apim-request-id": values.requestId,
    "x-request-id": values.requestId,
    "x-ms-region": values.region,
    "x-ratelimit-remaining-requests": String(values.remainingRequests),
    "x-ratelimit-remaining-tokens": String(values.remainingTokens),
    "x-ratelimit-limit-requests": String(values.limitRequests),
    "x-ratelimit-limit-tokens": String(values.limitTokens),
    "x-ratelimit-reset-requests": String(values.resetSeconds),
    "x-ratelimit-reset-tokens": String(values.resetSeconds),
  };
  if (values.clientRequestId) headers["x-ms-client-request-id"] = values.clientRequestId;
  return headers;
}

/** Sets many headers at once; skips them if the response already started (a fault may have). */
export function setHeaders(res: ServerResponse, headers: Record<string, string>): void {
  if (res.headersSent) return;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}
