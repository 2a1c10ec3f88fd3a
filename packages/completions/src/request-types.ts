// The legacy completions request, as the wire (and the REST docs) spell it: snake_case, so a body
// pasted from the docs or from `openai` code type-checks as is.

/**
 * What to complete: a text, several texts (each gets its own `n` choices), token ids, or several
 * token-id arrays. Choices are numbered across prompts: `index = prompt_index * n + i`.
 */
export type CompletionPrompt = string | string[] | number[] | number[][];

/**
 * A `completions` request body (gpt-35-turbo-instruct and other completion models). Fields the
 * SDK does not know are still sent as given. The deployment is the `CompletionClient`'s, so
 * there is no `model`.
 */
export interface CompletionCreateRequest {
  prompt: CompletionPrompt;
  /** Token limit of each completion; the prompt plus this must fit the model's context. @default 16 */
  max_tokens?: number | null;
  /** @default 1 */
  temperature?: number | null;
  /** @default 1 */
  top_p?: number | null;
  /** Completions per prompt, 1 to 128. @default 1 */
  n?: number | null;
  /** With `stream`: `include_usage` adds a last chunk with token usage (2024-09-01-preview and later, 2024-10-21, v1). */
  stream_options?: { include_usage?: boolean } | null;
  /** Log probabilities of the `logprobs` most likely tokens at each position, 0 to 5. */
  logprobs?: number | null;
  /** Return the prompt before the completion. @default false */
  echo?: boolean | null;
  /** Up to 4 sequences that end the completion; the text does not include them. */
  stop?: string | string[] | null;
  /** The text that comes after the completion (insertion); gpt-35-turbo-instruct only. */
  suffix?: string | null;
  /** Candidates generated per prompt, the `n` best returned; at least `n`, not streamable. @default 1 */
  best_of?: number | null;
  /** @default 0 */
  presence_penalty?: number | null;
  /** @default 0 */
  frequency_penalty?: number | null;
  /** Token id -> bias from -100 to 100. */
  logit_bias?: Record<string, number> | null;
  /** Best-effort determinism. */
  seed?: number | null;
  /** An end-user id, for abuse monitoring. */
  user?: string;
}
