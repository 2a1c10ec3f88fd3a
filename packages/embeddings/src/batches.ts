import { APIUserAbortError, type WithResponse } from "@aoai/core";
import { withResponse } from "@aoai/core/internal";
import { EmbeddingBatchError } from "./embedding-batch-error.js";
import type { Embedding, EmbeddingResponse, EmbedManyResult } from "./types.js";

/** Sends one batch of inputs (already checked) as one request. */
export type SendBatch<V> = (inputs: readonly unknown[]) => Promise<WithResponse<EmbeddingResponse<V>>>;

/**
 * Splits `inputs` into batches of `batchSize`, sends them with at most `concurrency` in flight,
 * and joins the responses in input order with usage summed. On the first failure (or once
 * `signal` is aborted) no further batch starts; the ones in flight are awaited, then an
 * {@link EmbeddingBatchError} is thrown with every result that came back.
 */
export async function embedInBatches<V>(
  inputs: readonly unknown[],
  batchSize: number,
  concurrency: number,
  signal: AbortSignal | undefined,
  send: SendBatch<V>,
): Promise<WithResponse<EmbedManyResult<V>>> {
  const count = Math.ceil(inputs.length / batchSize);
  const responses: (WithResponse<EmbeddingResponse<V>> | undefined)[] = new Array(count);
  let next = 0;
  let failed: { index: number; error: unknown } | undefined;

  const worker = async (): Promise<void> => {
    while (!failed && next < count) {
      const index = next++;
      if (signal?.aborted) {
        failed = { index, error: new APIUserAbortError() };
        return;
      }
      try {
        responses[index] = await send(inputs.slice(index * batchSize, (index + 1) * batchSize));
      } catch (error) {
        failed ??= { index, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));

  const result = join(responses, batchSize);
  if (failed) {
    const start = failed.index * batchSize;
    throw new EmbeddingBatchError(
      failed.index,
      start,
      Math.min(start + batchSize, inputs.length),
      failed.error,
      result,
    );
  }
  // Every batch came back: the last one's exchange is the result's.
  return withResponse(result, result._responses[count - 1]!);
}

function join<V>(
  responses: (WithResponse<EmbeddingResponse<V>> | undefined)[],
  batchSize: number,
): EmbedManyResult<V> {
  const data: Embedding<V>[] = [];
  const usage = { prompt_tokens: 0, total_tokens: 0 };
  let model: string | undefined;
  const infos = responses.map((response) => response?._response);
  for (let b = 0; b < responses.length; b++) {
    const response = responses[b];
    if (!response) continue;
    model ||= response.model;
    usage.prompt_tokens += response.usage?.prompt_tokens ?? 0;
    usage.total_tokens += response.usage?.total_tokens ?? 0;
    for (const item of response.data) {
      item.index += b * batchSize;
      data.push(item);
    }
  }
  const requestIds = infos.map((info) => info?.requestId);
  // Not enumerable, as `_response` is not: the result serializes as the wire's response.
  return Object.defineProperty({ object: "list", model, data, usage, requestIds }, "_responses", {
    value: infos,
  }) as EmbedManyResult<V>;
}
