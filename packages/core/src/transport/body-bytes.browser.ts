import type { PipelineResponse } from "@azure/core-rest-pipeline";

/**
 * The streamed body of a response as chunks of bytes, in browsers: fetch's body through its reader
 * (or an injected HTTP client's async iterable). The Node twin (body-bytes.ts) reads node:http
 * streams from their 'data' events, which browsers never need.
 */
export async function* bodyBytes(
  response: PipelineResponse,
): AsyncGenerator<Uint8Array, undefined, undefined> {
  const node = response.readableStreamBody as AsyncIterable<Uint8Array> | undefined;
  if (node) {
    yield* node;
    return;
  }
  const web = response.browserStreamBody;
  if (!web) return;
  const reader = web.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Stopping early must release the connection, not leave the body half read.
    reader.cancel().catch(() => {});
  }
}

/** Joins chunks into one array (the chunk itself when there is one). */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  let size = 0;
  for (const part of parts) size += part.byteLength;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}
