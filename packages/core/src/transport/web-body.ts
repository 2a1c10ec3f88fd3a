// What both builds of body-bytes share: fetch bodies and joining chunks.
import { fetchFailure } from "./transport-error.js";

/**
 * A fetch body through its reader; stopping early cancels it, which releases the connection. A
 * body cut mid-read (a reset, a network change) rejects in browsers with a bare TypeError
 * ("network error"): it is thrown as a transport failure, as fetch's own failure is, so every
 * reader maps it to `APIConnectionError` as it does a Node reset and no package knows fetch's way.
 */
export async function* webChunks(
  web: ReadableStream<Uint8Array> | undefined,
): AsyncGenerator<Uint8Array, undefined, undefined> {
  if (!web) return;
  const reader = web.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } catch (error) {
    // Only the reader's read rejects here: the loop's consumer cannot throw into it.
    throw fetchFailure(error, undefined, "BODY_READ_ERROR");
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
