import type { PipelineResponse } from "@azure/core-rest-pipeline";

/** The streamed body of a response as chunks of bytes, in Node (http) and browsers (fetch). */
export async function* bodyBytes(response: PipelineResponse): AsyncGenerator<Uint8Array, void, undefined> {
  type NodeBody = AsyncIterable<Uint8Array> & {
    iterator?: (o: { destroyOnReturn: boolean }) => AsyncIterable<Uint8Array>;
  };
  const node = response.readableStreamBody as NodeBody | undefined;
  if (node) {
    // Stopping early must not destroy the socket: the caller either aborts the request or, after a
    // complete answer (an event stream's [DONE]), lets the rest drain so keep-alive reuses it.
    yield* node.iterator ? node.iterator({ destroyOnReturn: false }) : node;
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
