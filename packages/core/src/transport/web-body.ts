// What both builds of body-bytes share: fetch bodies and joining chunks.
import { TRANSPORT_ERROR_NAME } from "./transport-error.js";

/** A fetch body through its reader; stopping early cancels it, which releases the connection. */
export async function* webChunks(
  web: ReadableStream<Uint8Array> | undefined,
): AsyncGenerator<Uint8Array, undefined, undefined> {
  if (!web) return;
  const reader = web.getReader();
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        // A body cut mid-way rejects with a bare TypeError ("network error" in Chromium): a
        // connection failure, so it is made one (APIConnectionError), as Node's reset is.
        if (error instanceof TypeError)
          throw Object.assign(new Error(error.message), { name: TRANSPORT_ERROR_NAME, code: "ERR_NETWORK" });
        throw error;
      }
      if (chunk.done) return;
      yield chunk.value;
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
