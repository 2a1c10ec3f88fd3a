export { API_VERSIONS, type ApiVersion, DEFAULT_API_VERSION } from "./api-versions.js";
export { AzureKeyCredential } from "./azure-key-credential.js";
export { AzureOpenAIClient } from "./client.js";
export type { AdditionalPolicy, AzureOpenAIClientOptions, RequestOptions } from "./client-options.js";
export type {
  ContentFilterBlock,
  ContentFilterChoiceResults,
  ContentFilterDetectedResult,
  ContentFilterDetectedWithCitationResult,
  ContentFilterErrorBase,
  ContentFilterIdResult,
  ContentFilterOffsets,
  ContentFilterPromptResults,
  ContentFilterSeverity,
  ContentFilterSeverityResult,
  PromptFilterResult,
} from "./content-filter.js";
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
  RequestTooLargeError,
  ServiceUnavailableError,
  UnprocessableEntityError,
} from "./errors/api-error.js";
export {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  type ConnectionErrorOptions,
} from "./errors/connection-errors.js";
export { ContentFilterError } from "./errors/content-filter-error.js";
export { CreateNotConfirmedError, type LastingObject } from "./errors/create-not-confirmed-error.js";
export { InvalidInputError, UnsupportedApiVersionError } from "./errors/input-errors.js";
export { InvalidResponseError } from "./errors/invalid-response-error.js";
export { UnsupportedParameterError } from "./errors/unsupported-parameter-error.js";
export { WaitTimeoutError } from "./errors/wait-timeout-error.js";
export { DeploymentClient, ResourceClient } from "./frame/clients.js";
export { type Page, PagePromise } from "./frame/page.js";
export type { WaitOptions } from "./frame/poll.js";
export type { SavedFile } from "./io/save-stream.js";
export type { NodeReadableLike, Uploadable } from "./multipart/source.js";
export type { RateLimitInfo } from "./rate-limit.js";
export type { ByteStream } from "./readers/byte-stream.js";
export type { BinaryResult } from "./readers/bytes.js";
export { type EmptyResult, isEmptyResult } from "./readers/json.js";
export type { TextResult } from "./readers/text.js";
export type { ResponseInfo, WithResponse } from "./response-info.js";
export type { EventStream, StreamEnd } from "./sse/event-stream.js";
export type { Accumulator, ChunkSource, ChunkStream } from "./streams/chunk-stream.js";
export type { CompletionUsage } from "./usage.js";
export { VERSION } from "./version.js";
