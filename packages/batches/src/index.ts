export { BatchClient, type BatchWaitOptions } from "./batch-client.js";
export { BatchFailedError } from "./batch-failed-error.js";
export {
  BATCH_LIMITS,
  type BatchInput,
  type BatchInputOptions,
  buildBatchInput,
} from "./batch-input.js";
export { isBatchSuccess, type ReadBatchResultsOptions, readBatchResults } from "./read-results.js";
export type {
  BatchChatMessage,
  BatchChatRequest,
  BatchContentPart,
  BatchCreateRequest,
  BatchEmbeddingRequest,
  BatchEndpoint,
  BatchInputItem,
  BatchListQuery,
  BatchRequestBodies,
} from "./request-types.js";
export type {
  Batch,
  BatchChatCompletion,
  BatchEmbeddingResponse,
  BatchErrorData,
  BatchRequestCounts,
  BatchResponseBody,
  BatchResultLine,
  BatchStatus,
} from "./response-types.js";
export { VERSION } from "./version.js";
