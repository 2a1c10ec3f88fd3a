import type { FileExpiresAfter } from "@aoai/files";

/** The operations a batch runs: every line of its input file calls the same one. */
export type BatchEndpoint = "/chat/completions" | "/embeddings";

/** `POST /batches`. */
export interface BatchCreateRequest {
  /** The uploaded input file (`purpose: "batch"`, processed). Required unless `input_blob` is set. */
  input_file_id?: string;
  /** The operation of every line: `/chat/completions` or `/embeddings` (v1 spells them `/v1/…`). */
  endpoint: BatchEndpoint | (string & {});
  /** The time frame the batch should finish in. @default "24h" (the only one Azure offers) */
  completion_window?: "24h" | (string & {});
  /** Up to 16 key-value pairs of your own, returned with the batch. */
  metadata?: Record<string, string>;
  /** Azure: an Azure Storage blob URL to read the input from, instead of `input_file_id`. */
  input_blob?: string;
  /** Azure: the Azure Storage folder to write the output and error files to. */
  output_folder?: { url: string; delimiter?: string };
  /** Azure: when the output and error files expire. */
  output_expires_after?: FileExpiresAfter;
  /** Other fields are sent as they are. */
  [field: string]: unknown;
}

/** Query of `GET /batches`. */
export interface BatchListQuery {
  /** Batches per page. @default 20 (the service's) */
  limit?: number;
  /** The id of the last batch of the previous page. */
  after?: string;
}

/** A chat message in a batch request, as the chat completions API takes it. */
export interface BatchChatMessage {
  role: "system" | "developer" | "user" | "assistant" | "tool" | (string & {});
  /** Text, or content parts (`{ type: "text", text }`, `{ type: "image_url", image_url: { url } }`…). */
  content?: string | readonly BatchContentPart[] | null;
  name?: string;
  /** An assistant message's tool calls. */
  tool_calls?: readonly { id: string; type: "function"; function: { name: string; arguments: string } }[];
  /** A tool message's answer to this call. */
  tool_call_id?: string;
  [field: string]: unknown;
}

/** A content part of a message. */
export interface BatchContentPart {
  type: "text" | "image_url" | (string & {});
  text?: string;
  image_url?: { url: string; detail?: "auto" | "low" | "high" };
  [field: string]: unknown;
}

/**
 * The body of one chat completions request in a batch, as the chat completions API takes it.
 * `model` is the global-batch deployment: `buildBatchInput` sets it.
 */
export interface BatchChatRequest {
  messages: readonly BatchChatMessage[];
  model?: string;
  max_tokens?: number;
  max_completion_tokens?: number;
  temperature?: number;
  top_p?: number;
  n?: number;
  stop?: string | readonly string[];
  presence_penalty?: number;
  frequency_penalty?: number;
  logit_bias?: Record<string, number>;
  logprobs?: boolean;
  top_logprobs?: number;
  seed?: number;
  user?: string;
  response_format?: { type: "text" | "json_object" | "json_schema"; json_schema?: Record<string, unknown> };
  tools?: readonly {
    type: "function";
    function: { name: string; description?: string; parameters?: Record<string, unknown>; strict?: boolean };
  }[];
  tool_choice?: "none" | "auto" | "required" | { type: "function"; function: { name: string } };
  parallel_tool_calls?: boolean;
  reasoning_effort?: "low" | "medium" | "high";
  /** Batches do not stream: `true` is refused. */
  stream?: false;
  [field: string]: unknown;
}

/** The body of one embeddings request in a batch. `model` is set by `buildBatchInput`. */
export interface BatchEmbeddingRequest {
  input: string | readonly string[] | readonly number[] | readonly (readonly number[])[];
  model?: string;
  dimensions?: number;
  encoding_format?: "float" | "base64";
  user?: string;
  [field: string]: unknown;
}

/** The request body each endpoint takes. */
export interface BatchRequestBodies {
  "/chat/completions": BatchChatRequest;
  "/embeddings": BatchEmbeddingRequest;
}

/** One request of a batch: your id for it and the body for the endpoint. */
export interface BatchInputItem<E extends BatchEndpoint = BatchEndpoint> {
  /** Unique in the batch: its result carries it back. */
  custom_id: string;
  body: BatchRequestBodies[E];
}
