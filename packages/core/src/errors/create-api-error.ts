import {
  APIError,
  type APIErrorInit,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  type ErrorBody,
  GatewayTimeoutError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestTooLargeError,
  ServiceUnavailableError,
  UnprocessableEntityError,
} from "./api-error.js";
import { ContentFilterError, filterBlocks, innerError } from "./content-filter-error.js";
import { isUnsupportedParameter, UnsupportedParameterError } from "./unsupported-parameter-error.js";

// The codes of Azure's filtered-content 400s: chat and completions, images, gpt-image models.
// The newer body (the v1 API) says it in `innererror.code` and a `content_filters` list instead.
const FILTER_CODES = /^(content_filter|content_policy_violation|moderation_blocked)$/;
const FILTER_INNER_CODES = /^(ResponsibleAIPolicyViolation|ContentFiltered)$/;

const byStatus: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  413: RequestTooLargeError,
  422: UnprocessableEntityError,
  429: RateLimitError,
  503: ServiceUnavailableError,
  504: GatewayTimeoutError,
};

/**
 * Reads the `error` object out of a response body. Azure answers `{"error": {...}}` from the model
 * service but `{"statusCode": 401, "message": "..."}` from its API gateway; both are accepted. A
 * body that is not JSON (a gateway's HTML page) becomes a short plain-text excerpt; the whole body
 * stays on the error as `body`.
 */
export function parseErrorBody(text: string | undefined): ErrorBody | undefined {
  if (!text) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { message: excerpt(text) };
  }
  if (!parsed || typeof parsed !== "object") return { message: String(parsed) };
  const body = parsed as { error?: unknown; message?: unknown; statusCode?: unknown; code?: unknown };
  if (body.error && typeof body.error === "object") return body.error as ErrorBody;
  if (typeof body.error === "string") return { message: body.error };
  if (typeof body.message === "string") {
    const code = body.code ?? body.statusCode;
    return { message: body.message, code: code == null ? null : String(code) };
  }
  return { message: text };
}

/** The typed error for a status and error body. */
export function createAPIError(init: APIErrorInit): APIError {
  const { status, error } = init;
  if (
    status === 400 &&
    (FILTER_CODES.test(error?.code ?? "") ||
      FILTER_INNER_CODES.test(innerError(error)?.code ?? "") ||
      filterBlocks(error) !== undefined)
  ) {
    return new ContentFilterError(init);
  }
  if (status === 400 && isUnsupportedParameter(error)) return new UnsupportedParameterError(init);
  const ErrorClass = byStatus[status] ?? (status >= 500 ? InternalServerError : APIError);
  return new ErrorClass(init);
}

/** The readable text of a body, tags and scripts dropped, white space folded, 200 characters at most. */
function excerpt(text: string): string {
  const plain = text
    .replace(/<(script|style)[\s\S]*?<\/\1>|<[^>]*>|\s+/gi, " ")
    .replace(/ +/g, " ")
    .trim();
  return plain.length > 200 ? `${plain.slice(0, 200)}…` : plain;
}
