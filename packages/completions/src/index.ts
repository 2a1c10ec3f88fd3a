/** Token counts: core's type, the same for chat and completions. */
export type { CompletionUsage } from "@aoai/core";
export { CompletionAccumulator } from "./accumulator.js";
export { CompletionClient } from "./completion-client.js";
export { type CompletionChunkSource, CompletionStream } from "./completion-stream.js";
export { type CompletionRequest, CompletionsClient } from "./deprecated.js";
export { readCompletionStream } from "./read-completion-stream.js";
export type { CompletionCreateRequest, CompletionPrompt } from "./request-types.js";
export type {
  Completion,
  CompletionChoice,
  CompletionChunk,
  CompletionChunkChoice,
  CompletionFinishReason,
  CompletionLogprobs,
} from "./response-types.js";
export { VERSION } from "./version.js";
