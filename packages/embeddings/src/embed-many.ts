import type { WithResponse } from "@aoai/core";
import { invalid } from "@aoai/core/internal";
import { embedInBatches } from "./batches.js";
import { checkManyOptions, checkRequest, MAX_INPUTS, toInputList } from "./check-request.js";
import type { EmbeddingClient } from "./embedding-client.js";
import type {
  EmbeddingInput,
  EmbeddingType,
  EmbeddingVector,
  EmbedManyOptions,
  EmbedManyRequest,
  EmbedManyResult,
} from "./types.js";

/**
 * Embeds any number of inputs with `embeddings`: splits them into requests of `batchSize`, sends
 * at most `concurrency` at once and joins the results in input order, with usage summed. If a
 * batch fails, no further batch starts and an `EmbeddingBatchError` carries the batch, the cause
 * and the results already returned. Aborting `signal` stops scheduling (and cancels those in
 * flight). The result has `_response`, the last batch's, and every batch's in `_responses`. A function rather than a method, so an app that only calls `embed` does not carry it.
 *
 * @example const { data } = await embedMany(emb, { input: texts, dimensions: 256 }, { concurrency: 8 });
 */
export async function embedMany<T extends EmbeddingType = "float32">(
  embeddings: EmbeddingClient,
  request: EmbedManyRequest,
  options: EmbedManyOptions<T> = {},
): Promise<WithResponse<EmbedManyResult<EmbeddingVector<T>>>> {
  checkRequest(request);
  checkManyOptions(options);
  const { input, ...fields } = request;
  if (!Array.isArray(input) || typeof input[0] === "number")
    invalid("input", "of embedMany must be an array of texts or of token arrays.");
  const list = toInputList(input);
  const { batchSize = MAX_INPUTS, concurrency = 4, ...callOptions } = options;
  return embedInBatches(list, batchSize, concurrency, options.signal, (batch) =>
    embeddings.embed<T>({ ...fields, input: batch as EmbeddingInput }, callOptions),
  );
}
