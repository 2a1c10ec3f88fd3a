import type { HttpHeaders } from "@azure/core-rest-pipeline";
import { numberOf, type RateLimitInfo, rateLimitOf } from "./rate-limit.js";

/** What the SDK knows about the HTTP exchange behind a result. */
export interface ResponseInfo {
  /** `x-request-id`, or `apim-request-id` when that is all there is: quote it to Azure support. */
  readonly requestId: string | undefined;
  readonly status: number;
  /** The response headers, all of them. */
  readonly headers: HttpHeaders;
  /** Retries made before this response. */
  readonly retryCount: number;
  /** The `x-ratelimit-*` headers, typed (read from the headers when asked). */
  readonly rateLimit: RateLimitInfo;
  /**
   * `azure-openai-deployment-utilization` of a provisioned (PTU) deployment, in percent: how busy
   * it is, for routing or backing off before a 429.
   */
  readonly deploymentUtilization: number | undefined;
  /** `x-ms-region`: the Azure region that served the request. */
  readonly region: string | undefined;
  /** `x-ms-deployment-name`: the deployment that served it. */
  readonly deploymentName: string | undefined;
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

/**
 * The facts beyond the four fields are getters on the prototype, read from the headers when asked:
 * most results never look at them, and the chat path's CPU per request is held near the
 * transport's own, so no response pays for parsing them.
 */
class Info implements ResponseInfo {
  readonly requestId: string | undefined;

  constructor(
    readonly status: number,
    readonly headers: HttpHeaders,
    readonly retryCount: number,
  ) {
    this.requestId = requestIdOf(headers);
  }

  get rateLimit(): RateLimitInfo {
    return rateLimitOf(this.headers);
  }

  get deploymentUtilization(): number | undefined {
    return numberOf(this.headers.get("azure-openai-deployment-utilization"));
  }

  get region(): string | undefined {
    return this.headers.get("x-ms-region");
  }

  get deploymentName(): string | undefined {
    return this.headers.get("x-ms-deployment-name");
  }
}

export function responseInfo(status: number, headers: HttpHeaders, retryCount: number): ResponseInfo {
  return new Info(status, headers, retryCount);
}

/** Attaches `info` to `value` as `_response`. */
export function withResponse<T extends object>(value: T, info: ResponseInfo): WithResponse<T> {
  Object.defineProperty(value, "_response", { value: info, enumerable: false, configurable: true });
  return value as WithResponse<T>;
}
