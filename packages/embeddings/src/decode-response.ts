import { InvalidResponseError, type WithResponse } from "@aoai/core";
import { base64ToFloat32 } from "./float32.js";
import type { EmbeddingResponse, EmbeddingType } from "./types.js";

// Node only: browsers get parse-base64.browser.ts, which leaves the text to JSON.parse.
export { placeBase64 } from "./parse-base64.js";

/** A response as parsed, before decoding: base64 strings or JSON numbers (or already decoded). */
export type WireResponse = WithResponse<EmbeddingResponse<string | number[] | Float32Array<ArrayBuffer>>>;

/**
 * Turns each `data[i].embedding` into the asked-for type, in place, and puts `data` in input order.
 * Base64 becomes a `Float32Array` viewing the decoded bytes; JSON numbers (asked for with
 * `encoding_format: "float"`, or sent by a service that ignored base64) are converted once.
 */
export function decodeResponse<R>(response: WireResponse, type: EmbeddingType, inputs: number): R {
  const data = response.data as { index: number; embedding: unknown }[];
  if (!Array.isArray(data) || data.length !== inputs) {
    throw new InvalidResponseError(
      `The response has ${data?.length} embeddings for ${inputs} inputs.`,
      "",
      response._response?.requestId,
    );
  }
  if (data.some((item, i) => item.index !== i)) data.sort((a, b) => a.index - b.index);
  for (const item of data) {
    const value = item.embedding as string | number[] | Float32Array;
    const vector = typeof value === "string" ? base64ToFloat32(value) : value;
    item.embedding =
      type === "number[]"
        ? Array.isArray(vector)
          ? vector
          : Array.from(vector)
        : vector instanceof Float32Array
          ? vector
          : new Float32Array(vector);
  }
  return response as R;
}
