import type { EmbeddingResponse } from "./types.js";

/**
 * Browsers: no Node `Buffer` to decode the values from their place in the text (parse-base64.ts),
 * so the whole text goes to `JSON.parse`, and bundles carry none of that parser.
 */
export function parseBase64Response(_text: string): EmbeddingResponse<Float32Array<ArrayBuffer>> | undefined {
  return undefined;
}
