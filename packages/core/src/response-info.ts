import type { HttpHeaders, PipelineResponse } from "@azure/core-rest-pipeline";

/** What the SDK knows about the HTTP exchange behind a result. */
export interface ResponseInfo {
  /** `x-request-id`, or `apim-request-id` when that is all there is: quote it to Azure support. */
  readonly requestId: string | undefined;
  readonly status: number;
  readonly headers: HttpHeaders;
  /** Retries made before this response. */
  readonly retryCount: number;
  /** The raw pipeline response. Its `request` holds the credential header: do not log it whole. */
  readonly raw: PipelineResponse;
}

/** A result with its {@link ResponseInfo} as the non-enumerable `_response` (kept out of JSON and logs). */
export type WithResponse<T> = T & { readonly _response: ResponseInfo };

export function responseInfo(raw: PipelineResponse, retryCount: number): ResponseInfo {
  return {
    requestId: raw.headers.get("x-request-id") ?? raw.headers.get("apim-request-id"),
    status: raw.status,
    headers: raw.headers,
    retryCount,
    raw,
  };
}

/** Attaches `info` to `value` as `_response`. */
export function withResponse<T extends object>(value: T, info: ResponseInfo): WithResponse<T> {
  Object.defineProperty(value, "_response", { value: info, enumerable: false, configurable: true });
  return value as WithResponse<T>;
}
