interface NodeBuffer {
  from(buffer: ArrayBuffer): { write(text: string, encoding: "base64"): number };
}
type FromBase64 = (text: string) => Uint8Array;

/** Bytes encoded by `text`, without its `=` padding. */
const byteLength = (text: string): number => {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61) end--;
  return (end * 3) >> 2;
};

/**
 * Decodes standard base64 (padded or not) into a new `Uint8Array` that owns its exact
 * `ArrayBuffer` (offset 0, so a `Float32Array` can view it). Uses Node's `Buffer` when the global
 * is there (decoding straight into that buffer), else `Uint8Array.fromBase64`, else `atob`; no `node:` import, so it is browser-safe.
 */
export function base64ToBytes(text: string): Uint8Array {
  const g = globalThis as { Buffer?: NodeBuffer; Uint8Array: { fromBase64?: FromBase64 } };
  if (g.Buffer) {
    // Buffer.from(text, "base64") would be a view into a larger (pooled or over-sized) buffer.
    const bytes = new Uint8Array(byteLength(text));
    g.Buffer.from(bytes.buffer).write(text, "base64");
    return bytes;
  }
  if (g.Uint8Array.fromBase64) return g.Uint8Array.fromBase64(text);
  return decodeBase64WithAtob(text);
}

/**
 * The fallback of {@link base64ToBytes} for browsers without `Uint8Array.fromBase64` (before
 * 2025). `atob` rejects characters outside the alphabet, and measured in V8 it is faster than a
 * table decoder (21 us vs 30 us for one 3072-dimension vector).
 */
export function decodeBase64WithAtob(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
