export { ChatCompletionAccumulator } from "./accumulator.js";
export { ChatClient } from "./chat-client.js";
export { type ChatChunkSource, ChatStream } from "./chat-stream.js";
export { type ContentFilterSummary, contentFilterSummary } from "./content-filter-summary.js";
export type {
  AzureCosmosDBDataSource,
  AzureMLIndexDataSource,
  AzureSearchDataSource,
  ChatDataSource,
  ElasticsearchDataSource,
  MongoDBDataSource,
  OnYourDataAuthentication,
  OnYourDataCommonParameters,
  OnYourDataFieldsMapping,
  OnYourDataVectorization,
  PineconeDataSource,
} from "./data-sources.js";
export type { ChatCompletionRequest } from "./deprecated.js";
export { imageDataUrl } from "./image-data-url.js";
export { readChatStream } from "./read-chat-stream.js";
export type {
  ChatAssistantMessage,
  ChatCompletionCreateRequest,
  ChatContentPartImage,
  ChatContentPartInputAudio,
  ChatContentPartRefusal,
  ChatContentPartText,
  ChatContentPartUser,
  ChatDeveloperMessage,
  ChatFunctionDefinition,
  ChatFunctionMessage,
  ChatMessage,
  ChatResponseFormat,
  ChatResponseFormatJsonSchema,
  ChatSystemMessage,
  ChatTool,
  ChatToolCall,
  ChatToolChoice,
  ChatToolMessage,
  ChatUserMessage,
  ReasoningEffort,
  ServiceTier,
} from "./request-types.js";
export type {
  ChatChoiceLogprobs,
  ChatCitation,
  ChatCompletion,
  ChatCompletionChoice,
  ChatCompletionChunk,
  ChatCompletionChunkChoice,
  ChatCompletionDelta,
  ChatCompletionMessage,
  ChatCompletionUsage,
  ChatFinishReason,
  ChatMessageContext,
  ChatRetrievedDocument,
  ChatTokenLogprob,
  ChatToolCallDelta,
} from "./response-types.js";
export { VERSION } from "./version.js";
