import { AOAIError } from "@aoai/core";
import type { EmbedManyResult } from "./types.js";

/**
 * A batch of `embedMany` failed. No batch was started after the failure; those in flight were
 * awaited, and everything that came back is kept in `partial`.
 */
export class EmbeddingBatchError<V = Float32Array<ArrayBuffer> | number[]> extends AOAIError {
  static override readonly kind: string = "EmbeddingBatchError";
  /** The failed batch, counting from 0. */
  readonly batchIndex: number;
  /** Index of the first input of the failed batch. */
  readonly start: number;
  /** One past the index of its last input. */
  readonly end: number;
  /**
   * The embeddings of the batches that succeeded, with their input `index` (so `data` can have
   * gaps), usage summed over them, and each batch's `_responses` (`undefined` for batches not done).
   */
  readonly partial: EmbedManyResult<V>;
  declare readonly cause: unknown;

  constructor(batchIndex: number, start: number, end: number, cause: unknown, partial: EmbedManyResult<V>) {
    super(
      `Embedding batch ${batchIndex} (inputs ${start}..${end - 1}) failed: ${(cause as Error)?.message ?? cause}; ` +
        `${partial.data.length} embeddings from other batches are in error.partial.`,
      { cause },
    );
    this.batchIndex = batchIndex;
    this.start = start;
    this.end = end;
    this.partial = partial;
  }
}
