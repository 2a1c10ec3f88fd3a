import type { EmbeddingResponse } from "./types.js";

/** Browsers: nothing to place (core's liftedJson parses the whole text there); see parse-base64.ts. */
export function placeBase64(
  _parsed: unknown,
  _strings: string[],
): EmbeddingResponse<Float32Array<ArrayBuffer>> | undefined {
  return undefined;
}
