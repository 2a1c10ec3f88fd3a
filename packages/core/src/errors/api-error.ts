import { AOAIError } from "./aoai-error.js";

/** The `error` object of an Azure OpenAI error body. */
export interface ErrorBody {
  code?: string | null;
  message?: string;
  type?: string | null;
  param?: string | null;
  innererror?: { code?: string; [key: string]: unknown } | null;
  [key: string]: unknown;
}

export interface APIErrorInit {
  status: number;
  error: ErrorBody | undefined;
  headers: Record<string, string>;
  /** `x-request-id` (or `apim-request-id`) of the response. */
  requestId?: string | undefined;
  /** The response body as received, when there was one. */
  body?: string | undefined;
  /** Server-requested wait, when the response asked for one. */
  retryAfterMs?: number | undefined;
  /** How many retries were made before giving up. */
  retryCount?: number | undefined;
  /** What to check, added to the message after the service's own. */
  hint?: string | undefined;
}

/** The service answered with an error status. */
export class APIError extends AOAIError {
  static override readonly kind: string = "APIError";
  readonly status: number;
  /** The service's error code (`content_filter`, `429`, `DeploymentNotFound`…). */
  readonly code: string | undefined;
  readonly type: string | undefined;
  readonly param: string | undefined;
  /** The `error` object of the response body, as received. */
  readonly error: ErrorBody | undefined;
  /** Response headers (the request's headers, which hold the credential, are never kept). */
  readonly headers: Record<string, string>;
  /** `x-request-id` (or `apim-request-id`): quote it to Azure support. */
  readonly requestId: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly retryCount: number;
  /** The response body as received (the message holds only a short excerpt of a non-JSON one). */
  readonly body: string | undefined;

  constructor(init: APIErrorInit) {
    const { status, error, headers } = init;
    const serviceMessage = error?.message;
    super(
      // A code that only repeats the status (API Management sends `statusCode`) is not shown twice.
      `${status}${error?.code && String(error.code) !== String(status) ? ` ${error.code}` : ""}: ${serviceMessage ?? "(no error message in the response body)"}${init.hint ? `${/[.!?]$/.test(serviceMessage ?? "") ? "" : "."} ${init.hint}` : ""}`,
    );
    this.status = status;
    this.error = error;
    this.code = error?.code == null ? undefined : String(error.code);
    this.type = error?.type ?? undefined;
    this.param = error?.param ?? undefined;
    this.headers = headers;
    this.requestId = init.requestId;
    this.retryAfterMs = init.retryAfterMs;
    this.retryCount = init.retryCount ?? 0;
    this.body = init.body;
  }
}

/** 400: the request was malformed or invalid. */
export class BadRequestError extends APIError {
  static override readonly kind: string = "BadRequestError";
}
/** 401: missing or wrong api-key or token. */
export class AuthenticationError extends APIError {
  static override readonly kind: string = "AuthenticationError";
}
/** 403: the identity lacks a role on the resource, or the network rules deny it. */
export class PermissionDeniedError extends APIError {
  static override readonly kind: string = "PermissionDeniedError";
}
/** 404: unknown deployment, or an operation the API version lacks. */
export class NotFoundError extends APIError {
  static override readonly kind: string = "NotFoundError";
}
/** 409 */
export class ConflictError extends APIError {
  static override readonly kind: string = "ConflictError";
}
/** 413: the request body (an upload, a long prompt) is larger than the service takes. */
export class RequestTooLargeError extends APIError {
  static override readonly kind: string = "RequestTooLargeError";
  constructor(init: APIErrorInit) {
    super(init);
    this.message += " (request body too large)";
  }
}

/** 422 */
export class UnprocessableEntityError extends APIError {
  static override readonly kind: string = "UnprocessableEntityError";
}
/** 429: rate or quota limit; `retryAfterMs` says how long the service asked to wait. */
export class RateLimitError extends APIError {
  static override readonly kind: string = "RateLimitError";
}
/** Status >= 500. */
export class InternalServerError extends APIError {
  static override readonly kind: string = "InternalServerError";
}
/** 503: the service is overloaded or unavailable. */
export class ServiceUnavailableError extends InternalServerError {
  static override readonly kind: string = "ServiceUnavailableError";
}
/** 504: a gateway gave up waiting for the model. */
export class GatewayTimeoutError extends InternalServerError {
  static override readonly kind: string = "GatewayTimeoutError";
}
