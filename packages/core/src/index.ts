export {
  API_VERSIONS,
  type ApiVersion,
  DEFAULT_API_VERSION,
  isApiVersion,
  isPreviewVersion,
} from "./api-versions.js";
export { OPERATION_VERSIONS, versionsFor } from "./capabilities.js";
export {
  AzureOpenAIClient,
  DEFAULT_MAX_RETRIES,
  DEFAULT_MAX_RETRY_AFTER_MS,
  DEFAULT_TIMEOUT_MS,
  type OperationRequest,
  type SentRequest,
} from "./client.js";
export {
  type AdditionalPolicy,
  type AzureOpenAIClientOptions,
  DEFAULT_SCOPE,
  type RequestOptions,
} from "./client-options.js";
export type {
  ContentFilterChoiceResults,
  ContentFilterDetectedResult,
  ContentFilterDetectedWithCitationResult,
  ContentFilterErrorBase,
  ContentFilterIdResult,
  ContentFilterPromptResults,
  ContentFilterSeverity,
  ContentFilterSeverityResult,
  PromptFilterResult,
} from "./content-filter.js";
export { filteredCategories } from "./content-filter.js";
export { AOAIError } from "./errors/aoai-error.js";
export {
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
  ServiceUnavailableError,
  UnprocessableEntityError,
} from "./errors/api-error.js";
export {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
} from "./errors/connection-errors.js";
export { ContentFilterError } from "./errors/content-filter-error.js";
export { createAPIError, parseErrorBody } from "./errors/create-api-error.js";
export { InvalidInputError, UnsupportedApiVersionError } from "./errors/input-errors.js";
export { InvalidResponseError } from "./errors/invalid-response-error.js";
export type { ResponseInfo, WithResponse } from "./response-info.js";
export { EventStream } from "./sse/event-stream.js";
export { requestStream } from "./sse/request-stream.js";
export { SseDecoder, type SseEvent } from "./sse/sse-decoder.js";
export { LOGGED_HEADERS, logger } from "./transport/log-policy.js";
export { type BinaryResult, requestBinary } from "./transport/request-binary.js";
export { retryAfterMs } from "./transport/retry-after.js";
export { retryPolicy } from "./transport/retry-policy.js";
export { backoffMs, RETRYABLE_STATUSES } from "./transport/retry-rules.js";
export { VERSION } from "./version.js";
