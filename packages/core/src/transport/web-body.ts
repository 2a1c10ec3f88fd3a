// What both builds of body-bytes share: fetch bodies and joining chunks.

/** A fetch body through its reader; stopping early cancels it, which releases the connection. */
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
