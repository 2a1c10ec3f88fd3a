import type { HttpHeaders } from "@azure/core-rest-pipeline";

/** What the SDK knows about the HTTP exchange behind a result. */
export interface ResponseInfo {
  /** `x-request-id`, or `apim-request-id` when that is all there is: quote it to Azure support. */
  readonly requestId: string | undefined;
  readonly status: number;
  /** The response headers (rate limits, region…). */
  readonly headers: HttpHeaders;
  /** Retries made before this response. */
  readonly retryCount: number;
}

/** A result with its {@link ResponseInfo} as the non-enumerable `_response` (kept out of JSON and logs). */
export type WithResponse<T> = T & { readonly _response: ResponseInfo };

/**
 * The request id of a response: `x-request-id`, else `apim-request-id`, else `x-ms-request-id`
 * (Azure Storage's, for an image link).
 */
export function requestIdOf(headers: { get(name: string): string | undefined }): string | undefined {
  return headers.get("x-request-id") ?? headers.get("apim-request-id") ?? headers.get("x-ms-request-id");
}

export function responseInfo(status: number, headers: HttpHeaders, retryCount: number): ResponseInfo {
  return { requestId: requestIdOf(headers), status, headers, retryCount };
}

/** Attaches `info` to `value` as `_response`. */
export function withResponse<T extends object>(value: T, info: ResponseInfo): WithResponse<T> {
  Object.defineProperty(value, "_response", { value: info, enumerable: false, configurable: true });
  return value as WithResponse<T>;
}
