import type { HttpHeaders } from "@azure/core-rest-pipeline";
import { requestIdOf } from "../response-info.js";
import { retryAfterMs } from "../transport/retry-after.js";
import type { APIError, ErrorBody } from "./api-error.js";
import { createAPIError, parseErrorBody } from "./create-api-error.js";
import { notFoundHint } from "./not-found-hint.js";

/** What {@link errorFromResponse} reads: a pipeline response, or an error frame of a stream. */
export interface ErrorSource {
  status: number;
  headers: HttpHeaders;
  bodyAsText?: string | null | undefined;
  /** The request the SDK sent, when the response has it (a 404 then names its route). */
  request?: { url: string; method?: string } | undefined;
}

/** The typed error for a response that is not a success, or for an error sent inside a stream. */
export function errorFromResponse(
  response: ErrorSource,
  retryCount: number,
  error: ErrorBody | undefined = parseErrorBody(response.bodyAsText ?? undefined),
): APIError {
  const { status, headers } = response;
  const body = response.bodyAsText ?? undefined;
  // 0: a browser's redirect, whose status and Location fetch hides (see fetch-http-client.ts).
  if (status < 400) {
    const location = headers.get("location");
    error = {
      ...error,
      message: `Redirect${location ? ` to ${location}` : ""} not followed (credentials never go to another URL).`,
    };
  }
  return createAPIError({
    status,
    error,
    headers: headers.toJSON(),
    requestId: requestIdOf(headers),
    body,
    retryAfterMs: retryAfterMs(headers),
    retryCount,
    hint: status === 404 ? notFoundHint(response.request) : undefined,
  });
}
