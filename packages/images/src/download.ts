import { APIConnectionError, APIUserAbortError } from "@aoai/core";
import { createAPIError, invalid, parseErrorBody } from "@aoai/core/internal";
import type { GeneratedImage } from "./response-types.js";

/** Options of `imageBytes` and `saveImage`. */
export interface ImageBytesOptions {
  /** Cancels the download (a `b64_json` image needs none). */
  signal?: AbortSignal;
}

/** What the caller's signal or the network did to a download, as this SDK's errors. */
export function downloadError(error: unknown, signal: AbortSignal | undefined): Error {
  if (signal?.aborted) return new APIUserAbortError();
  const cause = error as { message?: string; cause?: { code?: string } } | undefined;
  // The message never holds the URL: its query is a signature that grants access to the image.
  return new APIConnectionError(`Downloading the image failed: ${cause?.message ?? String(error)}`, {
    cause: error,
    code: cause?.cause?.code,
  });
}

/**
 * Fetches an image's `url` with a plain `fetch`. The URL is a temporary link on a storage host,
 * another origin: it never goes through the client's pipeline, so no api-key, token or cookie
 * is sent there. A status outside 2xx throws core's typed `APIError` (with `body`).
 */
export async function download(image: GeneratedImage, signal: AbortSignal | undefined): Promise<Response> {
  const url = image?.url;
  if (typeof url !== "string" || !/^https?:\/\//i.test(url))
    invalid("image", "has neither b64_json nor an http(s) url.");
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: "omit" });
  } catch (error) {
    throw downloadError(error, signal);
  }
  if (response.ok) return response;
  let body: string | undefined;
  try {
    body = await response.text();
  } catch (error) {
    throw downloadError(error, signal);
  }
  const parsed = parseErrorBody(body);
  const headers = Object.fromEntries(response.headers);
  throw createAPIError({
    status: response.status,
    // Storage answers in XML (`<Code>AuthenticationFailed</Code>` for an expired link).
    error: { ...parsed, message: `Downloading the image failed: ${parsed?.message ?? response.statusText}` },
    headers,
    requestId: headers["x-ms-request-id"] ?? headers["x-request-id"],
    body,
  });
}
