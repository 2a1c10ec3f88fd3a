import type { WithResponse } from "@aoai/core";
import { DeploymentClient } from "@aoai/core";
import { invalid, liftedJson, post } from "@aoai/core/internal";
import { checkOptions, checkRequest, MAX_INPUTS, toInputList } from "./check-request.js";
import { decodeResponse, placeBase64 } from "./decode-response.js";
import { embeddings } from "./feature.js";
import type {
  EmbeddingCreateRequest,
  EmbeddingResponse,
  EmbeddingType,
  EmbeddingVector,
  EmbedOptions,
} from "./types.js";

const PATH = "embeddings";

/** core's JSON reader, with base64 embeddings decoded straight from the text in Node. */
const READER = liftedJson<EmbeddingResponse<string | number[] | Float32Array<ArrayBuffer>>>(
  "embedding",
  placeBase64,
);

/**
 * Embeddings from one deployment, as .NET's `azureClient.GetEmbeddingClient("text-embedding-3-large")`.
 *
 * ```ts
 * const emb = new EmbeddingClient(client, "text-embedding-3-large");
 * const { data } = await emb.embed({ input: "hello" });
 * data[0].embedding; // Float32Array
 * ```
 * Any number of inputs: `embedMany(emb, { input: texts })`.
 */
export class EmbeddingClient extends DeploymentClient {
  /**
   * Embeds one text or token array, or up to 2048 of them in one request. `data` is in input
   * order; `_response.requestId` identifies the request. Bad input throws `InvalidInputError`
   * before anything is sent.
   */
  async embed<T extends EmbeddingType = "float32">(
    request: EmbeddingCreateRequest,
    options: EmbedOptions<T> = {},
  ): Promise<WithResponse<EmbeddingResponse<EmbeddingVector<T>>>> {
    checkRequest(request);
    checkOptions(options);
    const count = toInputList(request.input).length;
    if (count > MAX_INPUTS)
      invalid("input", `has ${count} items; a request takes at most ${MAX_INPUTS} (use embedMany).`);
    return this.send(request, count, options);
  }

  private async send<R>(request: EmbeddingCreateRequest, count: number, options: EmbedOptions): Promise<R> {
    const { embeddingType, ...callOptions } = options;
    const body = { ...request, encoding_format: request.encoding_format ?? "base64" };
    const response = await post(embeddings, this, PATH, body, callOptions, READER);
    return decodeResponse<R>(response, embeddingType ?? "float32", count);
  }
}
