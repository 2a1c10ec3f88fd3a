import type { RequestOptions, ResponseInfo } from "@aoai/core";

/**
 * What to embed: one text, many texts, one token array, or many token arrays. The service takes
 * at most 2048 inputs per request (use `embedMany` for more); none may be empty.
 */
export type EmbeddingInput = string | readonly string[] | readonly number[] | readonly (readonly number[])[];

/** The type of each `data[i].embedding`: a `Float32Array`, or a plain `number[]`. */
export type EmbeddingType = "float32" | "number[]";

/** The vector type for an {@link EmbeddingType}. */
export type EmbeddingVector<T extends EmbeddingType = "float32"> = T extends "number[]"
  ? number[]
  : Float32Array<ArrayBuffer>;

/** An embeddings request, as on the wire (the deployment is the client's). */
export interface EmbeddingCreateRequest {
  /** What to embed; at most 2048 inputs per request (`embedMany` takes any number). */
  input: EmbeddingInput;
  /**
   * Length of each vector, for `text-embedding-3` and later models: the service shortens the
   * vectors (they stay unit length). @default the model's full size (3072 for text-embedding-3-large)
   */
  dimensions?: number;
  /** An id of your end user, which helps Azure monitor and detect abuse. */
  user?: string;
  /**
   * The format on the wire. It changes only the transfer, never the type you get (see
   * `embeddingType`): `base64` is about 4x smaller and decodes without per-number work.
   * @default "base64"
   */
  encoding_format?: "float" | "base64";
}

/** Per-call options of one embeddings request. */
export interface EmbedOptions<T extends EmbeddingType = EmbeddingType> extends RequestOptions {
  /**
   * The type of each `data[i].embedding`. `"float32"` is a `Float32Array` viewing the decoded
   * bytes (no per-element work); `"number[]"` is a plain array, as the `openai` package returns.
   * @default "float32"
   */
  embeddingType?: T;
}

/** One vector of a response. */
export interface Embedding<V = Float32Array<ArrayBuffer>> {
  /** Always sent by the service today; Azure's own examples leave it out. */
  object?: "embedding";
  /** The position of its input in the request. */
  index: number;
  embedding: V;
}

/** Tokens counted for a request (summed over batches by `embedMany`). */
export interface EmbeddingUsage {
  prompt_tokens: number;
  total_tokens: number;
}

/**
 * The service's response with decoded vectors: `data` is in input order (`data[i].index === i`).
 * Results of `embed` also carry the non-enumerable `_response` (with `requestId`).
 */
export interface EmbeddingResponse<V = Float32Array<ArrayBuffer>> {
  /** Always sent by the service today; Azure's own examples leave it out. */
  object?: "list";
  /** The model behind the deployment, as the service names it; Azure's own examples leave it out. */
  model?: string;
  data: Embedding<V>[];
  usage: EmbeddingUsage;
}

/** An `embedMany` request: as {@link EmbeddingCreateRequest}, with any number of texts or token arrays. */
export interface EmbedManyRequest extends Omit<EmbeddingCreateRequest, "input"> {
  input: readonly string[] | readonly (readonly number[])[];
}

/** Options of `embedMany`: those of a call, plus how to split and schedule. */
export interface EmbedManyOptions<T extends EmbeddingType = EmbeddingType> extends EmbedOptions<T> {
  /** Inputs per request, at most the service's limit. @default 2048 */
  batchSize?: number;
  /** Requests in flight at once. @default 4 */
  concurrency?: number;
}

/**
 * The result of `embedMany`: one response covering every input, in input order. `embedMany`
 * returns it with `_response`, the last batch's.
 */
export interface EmbedManyResult<V = Float32Array<ArrayBuffer>> extends EmbeddingResponse<V> {
  /**
   * Each batch's request id, status, headers and retries, in batch order (`undefined` for a
   * batch that did not come back). Not enumerable, as `_response` is not.
   */
  readonly _responses: readonly (ResponseInfo | undefined)[];
  /**
   * The request id of each batch, in batch order (`undefined` where the service sent none).
   * @deprecated Read `_responses[i]?.requestId`; this field goes in the next minor release.
   */
  requestIds: (string | undefined)[];
}
