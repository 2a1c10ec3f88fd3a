// The chat/completions response and stream chunks, as the wire spells them, with Azure's
// content-filter results and On Your Data context.
import type { ContentFilterChoiceResults, ContentFilterOffsets, PromptFilterResult } from "@aoai/core";
import type { ChatToolCall } from "./request-types.js";

/** Why a choice ended; `content_filter` means the filter cut the reply (see `contentFilterSummary`). */
export type ChatFinishReason = "stop" | "length" | "tool_calls" | "content_filter" | "function_call";

/** A source the reply is grounded in (On Your Data). */
export interface ChatCitation {
  content: string;
  title?: string | null;
  url?: string | null;
  filepath?: string | null;
  chunk_id?: string | null;
  rerank_score?: number;
}

/** A document retrieved for the reply, with `include_contexts: ["all_retrieved_documents"]`. */
export interface ChatRetrievedDocument extends ChatCitation {
  search_queries: string[];
  data_source_index: number;
  original_search_score: number;
  filter_reason?: "score" | "rerank";
}

/** `message.context`: what On Your Data retrieved. */
export interface ChatMessageContext {
  citations?: ChatCitation[];
  /** The search intent, as a JSON-encoded list of queries. */
  intent?: string;
  all_retrieved_documents?: ChatRetrievedDocument[];
}

/** The reply. */
export interface ChatCompletionMessage {
  role: "assistant";
  content: string | null;
  /** The model's refusal, in place of content (structured outputs); older versions leave it out. */
  refusal?: string | null;
  tool_calls?: ChatToolCall[];
  /** @deprecated use `tool_calls` */
  function_call?: { name: string; arguments: string };
  /** Audio output of audio models. */
  audio?: { id: string; expires_at: number; data: string; transcript: string };
  /** On Your Data retrieval context. */
  context?: ChatMessageContext;
}

/** One token's log probability. */
export interface ChatTokenLogprob {
  token: string;
  logprob: number;
  bytes: number[] | null;
  top_logprobs: Array<{ token: string; logprob: number; bytes: number[] | null }>;
}

/** Log probabilities of a choice, with `logprobs: true`. */
export interface ChatChoiceLogprobs {
  content: ChatTokenLogprob[] | null;
  refusal?: ChatTokenLogprob[] | null;
}

/** Token counts. */
export interface ChatCompletionUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: { audio_tokens?: number; cached_tokens?: number };
  completion_tokens_details?: {
    accepted_prediction_tokens?: number;
    audio_tokens?: number;
    reasoning_tokens?: number;
    rejected_prediction_tokens?: number;
  };
}

/** One generated choice. */
export interface ChatCompletionChoice {
  index: number;
  message: ChatCompletionMessage;
  /** `null` only in a completion accumulated from a stream that stopped early. */
  finish_reason: ChatFinishReason | null;
  /** `null` unless asked for with `logprobs`; some versions and Azure's examples leave it out. */
  logprobs?: ChatChoiceLogprobs | null;
  content_filter_results?: ContentFilterChoiceResults;
  /**
   * In a completion accumulated from a stream filtered asynchronously: the offsets of the last
   * annotation, whose results cover the content from `start_offset` to `end_offset`.
   */
  content_filter_offsets?: ContentFilterOffsets;
}

/** A chat completion. */
export interface ChatCompletion {
  id: string;
  /** Always sent by the service today; Azure's own examples leave it out. */
  object?: "chat.completion";
  created: number;
  /** The model behind the deployment; Azure's own examples leave it out. */
  model?: string;
  system_fingerprint?: string | null;
  /** The tier that served the request, when the request asked for one. */
  service_tier?: string | null;
  choices: ChatCompletionChoice[];
  usage?: ChatCompletionUsage;
  /** Azure's filter results on the prompt (one per prompt; index 0 for chat). */
  prompt_filter_results?: PromptFilterResult[];
}

/** A fragment of a tool call in a stream; `arguments` arrives in pieces. */
export interface ChatToolCallDelta {
  index: number;
  id?: string;
  type?: "function";
  function?: { name?: string; arguments?: string };
}

/** What a chunk adds to a choice. */
export interface ChatCompletionDelta {
  role?: "assistant" | "system" | "user" | "tool" | "developer";
  content?: string | null;
  refusal?: string | null;
  tool_calls?: ChatToolCallDelta[];
  /** @deprecated use `tool_calls` */
  function_call?: { name?: string; arguments?: string };
  /** On Your Data context, usually on the first delta. */
  context?: ChatMessageContext;
}

/** One choice's part of a chunk. */
export interface ChatCompletionChunkChoice {
  index: number;
  /** May be missing on Azure's content-filter annotation chunks. */
  delta?: ChatCompletionDelta;
  finish_reason: ChatFinishReason | null;
  logprobs?: ChatChoiceLogprobs | null;
  /** Azure annotates deltas with filter results, sometimes in chunks of their own. */
  content_filter_results?: ContentFilterChoiceResults;
  /** With the Asynchronous Filter: which characters of the content this annotation covers. */
  content_filter_offsets?: ContentFilterOffsets;
}

/**
 * One streamed chunk. Azure sends a first chunk with only `prompt_filter_results` (empty
 * `choices`, blank `id` and `model`), and with `stream_options.include_usage` a last one with
 * `usage` and empty `choices`.
 */
export interface ChatCompletionChunk {
  id: string;
  object: "chat.completion.chunk" | "";
  created: number;
  model: string;
  system_fingerprint?: string | null;
  service_tier?: string | null;
  choices: ChatCompletionChunkChoice[];
  usage?: ChatCompletionUsage | null;
  prompt_filter_results?: PromptFilterResult[];
}
