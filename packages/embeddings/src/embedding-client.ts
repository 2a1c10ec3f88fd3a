import { type AzureOpenAIClient, InvalidInputError, type WithResponse } from "@aoai/core";
import { embedInBatches } from "./batches.js";
import { decodeResponse, type WireResponse } from "./decode-response.js";
import type {
  EmbeddingInput,
  EmbeddingResponse,
  EmbeddingType,
  EmbeddingVector,
  EmbedManyOptions,
  EmbedManyResult,
  EmbedOptions,
} from "./types.js";
import { checkOptions, MAX_INPUTS, toInputList } from "./validate.js";
import { VERSION } from "./version.js";

const USER_AGENT = `aoai-embeddings/${VERSION}`;

/**
 * Embeddings from one deployment, as .NET's `azureClient.GetEmbeddingClient("text-embedding-3-large")`.
 *
 * ```ts
 * const emb = new EmbeddingClient(client, "text-embedding-3-large");
 * const { data } = await emb.embed("hello");
 * data[0].embedding; // Float32Array
 * ```
 */
export class EmbeddingClient {
  readonly client: AzureOpenAIClient;
  /** The model deployment name. */
  readonly deployment: string;

  constructor(client: AzureOpenAIClient, deployment: string) {
    this.client = client;
    this.deployment = deployment;
  }

  /**
   * Embeds one text or token array, or up to 2048 of them in one request. `data` is in input
   * order; `_response.requestId` identifies the request. Bad input throws `InvalidInputError`
   * before anything is sent.
   */
  async embed<T extends EmbeddingType = "float32">(
    input: EmbeddingInput,
    options: EmbedOptions<T> = {},
  ): Promise<WithResponse<EmbeddingResponse<EmbeddingVector<T>>>> {
    checkOptions(options);
    const inputs = toInputList(input);
    if (inputs.length > MAX_INPUTS) {
      throw new InvalidInputError(
        `input has ${inputs.length} items; a request takes at most ${MAX_INPUTS} (use embedMany).`,
        "input",
      );
    }
    return this.send(input, inputs.length, options);
  }

  /**
   * Embeds any number of inputs: splits them into requests of `batchSize`, sends at most
   * `concurrency` at once and joins the results in input order, with usage summed. If a batch
   * fails, no further batch starts and an `EmbeddingBatchError` carries the batch, the cause and
   * the results already returned. Aborting `signal` stops scheduling (and cancels those in flight).
   */
  async embedMany<T extends EmbeddingType = "float32">(
    inputs: readonly string[] | readonly (readonly number[])[],
    options: EmbedManyOptions<T> = {},
  ): Promise<EmbedManyResult<EmbeddingVector<T>>> {
    checkOptions(options);
    if (!Array.isArray(inputs) || typeof inputs[0] === "number") {
      throw new InvalidInputError("embedMany takes an array of texts or of token arrays.", "input");
    }
    const list = toInputList(inputs);
    const { batchSize = MAX_INPUTS, concurrency = 4, ...request } = options;
    return embedInBatches(list, batchSize, concurrency, options.signal, (batch) =>
      this.send(batch as EmbeddingInput, batch.length, request),
    );
  }

  private async send<R>(input: EmbeddingInput, count: number, options: EmbedOptions): Promise<R> {
    const { dimensions, user, encoding_format } = options;
    const response = await this.client.json<WireResponse>({
      path: "embeddings",
      deployment: this.deployment,
      body: { input, dimensions, user, encoding_format: encoding_format ?? "base64" },
      userAgent: USER_AGENT,
      options,
    });
    return decodeResponse<R>(response, options.embeddingType ?? "float32", count);
  }
}
