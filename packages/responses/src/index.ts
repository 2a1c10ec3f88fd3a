export { ResponseAccumulator } from "./accumulator.js";
export { INCLUDABLE } from "./check-request.js";
export { compactResponse, type ResponseCompactRequest } from "./compact.js";
export { imagesOf } from "./images.js";
export { toInputItems } from "./next-input.js";
export { outputText } from "./output-text.js";
export {
  jsonSchemaFormat,
  type ParsedResponse,
  parseOutput,
  parseResponse,
  ResponseParseError,
  type StandardSchemaV1,
} from "./parse.js";
export { readResponseStream } from "./read-response-stream.js";
export type {
  ResponseCodeInterpreterTool,
  ResponseComparisonFilter,
  ResponseCompoundFilter,
  ResponseCreateRequest,
  ResponseFileSearchTool,
  ResponseFunctionCallOutput,
  ResponseFunctionTool,
  ResponseImageGenerationTool,
  ResponseIncludable,
  ResponseInputContent,
  ResponseInputFile,
  ResponseInputImage,
  ResponseInputItem,
  ResponseInputMessage,
  ResponseInputText,
  ResponseItemReference,
  ResponseMcpApprovalResponse,
  ResponseMcpTool,
  ResponseOutputItemContent,
  ResponseReasoning,
  ResponseTextFormat,
  ResponseTextFormatJsonSchema,
  ResponseTool,
  ResponseToolChoice,
  ResponseWebSearchTool,
} from "./request-types.js";
export {
  ResponseClient,
  type ResponseClientOptions,
  type ResponseInputItemsQuery,
  type ResponseInputItemWithId,
  type ResponseRequestOptions,
  type ResponseRetrieveQuery,
  type ResponseStreamOptions,
} from "./response-client.js";
export { type ResponseEventSource, ResponseStream } from "./response-stream.js";
export type {
  Response,
  ResponseAnnotation,
  ResponseCodeInterpreterCall,
  ResponseCompaction,
  ResponseCompactionItem,
  ResponseDeleted,
  ResponseError,
  ResponseFileSearchCall,
  ResponseFunctionCall,
  ResponseImageGenerationCall,
  ResponseInputItemLike,
  ResponseMcpApprovalRequest,
  ResponseMcpCall,
  ResponseMcpListTools,
  ResponseOutputItem,
  ResponseOutputMessage,
  ResponseOutputRefusal,
  ResponseOutputText,
  ResponseReasoningItem,
  ResponseStatus,
  ResponseUsage,
  ResponseWebSearchCall,
  ResponseWithText,
} from "./response-types.js";
export { listInputItems, waitForResponse } from "./stored.js";
export type {
  ResponseCodeInterpreterCodeDeltaEvent,
  ResponseCodeInterpreterCodeDoneEvent,
  ResponseContentPartEvent,
  ResponseErrorEvent,
  ResponseFunctionCallArgumentsDeltaEvent,
  ResponseFunctionCallArgumentsDoneEvent,
  ResponseImagePartialEvent,
  ResponseLifecycleEvent,
  ResponseMcpArgumentsEvent,
  ResponseOutputItemEvent,
  ResponseReasoningSummaryPartEvent,
  ResponseReasoningSummaryTextDeltaEvent,
  ResponseReasoningSummaryTextDoneEvent,
  ResponseReasoningTextEvent,
  ResponseRefusalDeltaEvent,
  ResponseRefusalDoneEvent,
  ResponseStreamEvent,
  ResponseTextAnnotationEvent,
  ResponseTextDeltaEvent,
  ResponseTextDoneEvent,
  ResponseToolProgressEvent,
  ResponseUnknownStreamEvent,
} from "./stream-events.js";
export {
  type RunToolsOptions,
  runTools,
  type ToolFunction,
  ToolLoopLimitError,
  type ToolRunResult,
} from "./tool-loop.js";
export { VERSION } from "./version.js";
