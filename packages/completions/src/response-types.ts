// The legacy completions response and stream chunks, as the wire spells them, with Azure's
// content-filter results.
import type { ContentFilterChoiceResults, PromptFilterResult } from "@aoai/core";

/** Why a choice ended; `content_filter` means the filter cut the text. */
export type CompletionFinishReason = "stop" | "length" | "content_filter";

/** Log probabilities of a choice, with `logprobs` set: parallel lists, one entry per token. */
export interface CompletionLogprobs {
  tokens: string[];
  /** `null` for the first token of an echoed prompt, which has no probability. */
  token_logprobs: Array<number | null>;
  /** The most likely tokens at each position, token -> log probability. */
  top_logprobs: Array<Record<string, number> | null>;
  /** Each token's character offset in the text (the echoed prompt included). */
  text_offset: number[];
}

/** Token counts. */
export interface CompletionUsage {
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
export interface CompletionChoice {
  text: string;
  /** Across prompts: `prompt_index * n + i`. */
  index: number;
  /** `null` only in a completion accumulated from a stream that stopped early. */
  finish_reason: CompletionFinishReason | null;
  /** `null` unless asked for with `logprobs`; Azure's own examples leave it out. */
  logprobs?: CompletionLogprobs | null;
  content_filter_results?: ContentFilterChoiceResults;
}

/** A legacy completion. */
export interface Completion {
  id: string;
  /** Always sent by the service today; Azure's own examples leave it out. */
  object?: "text_completion";
  created: number;
  /** The model behind the deployment; Azure's own examples leave it out. */
  model?: string;
  system_fingerprint?: string | null;
  choices: CompletionChoice[];
  usage?: CompletionUsage;
  /** Azure's filter results on the prompts, one per `prompt_index`. */
  prompt_filter_results?: PromptFilterResult[];
}

/** One choice's part of a chunk: a piece of its text. */
export interface CompletionChunkChoice {
  text: string;
  index: number;
  finish_reason: CompletionFinishReason | null;
  /** This piece's tokens, with `logprobs` set. */
  logprobs?: CompletionLogprobs | null;
  /** Azure annotates pieces with filter results. */
  content_filter_results?: ContentFilterChoiceResults;
}

/**
 * One streamed chunk. Azure sends a first chunk with only `prompt_filter_results` (empty
 * `choices`, blank `id`, `object` and `model`), and with `stream_options.include_usage` a last one
 * with `usage` and empty `choices` (the others then have `usage: null`).
 */
export interface CompletionChunk {
  id: string;
  object: "text_completion" | "";
  created: number;
  model: string;
  system_fingerprint?: string | null;
  choices: CompletionChunkChoice[];
  usage?: CompletionUsage | null;
  prompt_filter_results?: PromptFilterResult[];
}
