import type { ContentFilterChoiceResults, ErrorBody, PromptFilterResult } from "@aoai/core";

/**
 * A batch's status. `validating` the input, then `in_progress`, `finalizing` and `completed`;
 * or `failed` (the input did not validate), `expired` (not done within the window), or
 * `cancelling` then `cancelled`.
 */
export type BatchStatus =
  | "validating"
  | "failed"
  | "in_progress"
  | "finalizing"
  | "completed"
  | "expired"
  | "cancelling"
  | "cancelled";

/** How many of the batch's requests are done. */
export interface BatchRequestCounts {
  total: number;
  completed: number;
  failed: number;
}

/** Why a batch failed validation. */
export interface BatchErrorData {
  code: string;
  message: string;
  param?: string | null;
  /** The input line, when the error is about one. */
  line?: number | string | null;
}

/** A batch, as the service describes it. Timestamps are Unix seconds. */
export interface Batch {
  id: string;
  object: "batch";
  endpoint: string;
  status: BatchStatus;
  input_file_id: string;
  completion_window: string;
  /** The results of the requests that succeeded, once the batch is done. */
  output_file_id?: string | null;
  /** The results of the requests that failed, once the batch is done. */
  error_file_id?: string | null;
  errors?: { object: "list"; data: BatchErrorData[] } | null;
  request_counts?: BatchRequestCounts;
  metadata?: Record<string, string> | null;
  created_at: number;
  in_progress_at?: number | null;
  expires_at?: number | null;
  finalizing_at?: number | null;
  completed_at?: number | null;
  failed_at?: number | null;
  expired_at?: number | null;
  cancelling_at?: number | null;
  cancelled_at?: number | null;
  /** Azure: the input blob, when the batch read one. */
  input_blob?: string | null;
  /** Azure: where the output went, with `output_folder`. */
  output_blob?: string | null;
  /** Azure: where the errors went, with `output_folder`. */
  error_blob?: string | null;
}

/** A chat completion in a batch's output, as the chat completions API answers. */
export interface BatchChatCompletion {
  id: string;
  object: "chat.completion";
  created: number;
  model: string;
  choices: {
    index: number;
    message: {
      role: "assistant";
      content: string | null;
      refusal?: string | null;
      tool_calls?: { id: string; type: "function"; function: { name: string; arguments: string } }[];
    };
    finish_reason: string | null;
    logprobs?: unknown;
    content_filter_results?: ContentFilterChoiceResults;
  }[];
  usage?: {
    prompt_tokens: number;
    completion_tokens: number;
    total_tokens: number;
    [detail: string]: unknown;
  };
  system_fingerprint?: string | null;
  prompt_filter_results?: PromptFilterResult[];
}

/** An embeddings answer in a batch's output (`embedding` is base64 text with `encoding_format: "base64"`). */
export interface BatchEmbeddingResponse {
  object: "list";
  model: string;
  data: { object: "embedding"; index: number; embedding: number[] | string }[];
  usage: { prompt_tokens: number; total_tokens: number };
}

/** What a batch's output holds per request, by endpoint. */
export type BatchResponseBody = BatchChatCompletion | BatchEmbeddingResponse;

/**
 * One line of a batch's output or error file: the request's `custom_id` and its answer. A request
 * the model answered has `response` (its `status_code` and body: the completion, or `{ error }`
 * for a refused request); a line the batch could not run has `error` instead.
 */
export interface BatchResultLine<B = BatchResponseBody> {
  id: string;
  /** The `custom_id` of the request; `null` when the line could not be read at all. */
  custom_id: string | null;
  response: { status_code: number; request_id: string; body: B | { error: ErrorBody } } | null;
  error: { code: string; message: string } | null;
}
