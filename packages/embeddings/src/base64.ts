interface NodeBuffer {
  from(buffer: ArrayBuffer): { write(text: string, encoding: "base64"): number };
}
type FromBase64 = (text: string) => Uint8Array;

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
let table: Uint8Array | undefined;

/** Bytes encoded by `text`, without its `=` padding. */
const byteLength = (text: string): number => {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61) end--;
  return (end * 3) >> 2;
};

/**
 * Decodes standard base64 (padded or not) into a new `Uint8Array` that owns its exact
 * `ArrayBuffer` (offset 0, so a `Float32Array` can view it). Uses Node's `Buffer` when the global
 * is there (decoding straight into that buffer), else `Uint8Array.fromBase64`, else a small table
 * decoder; no `node:` import, so it is browser-safe.
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
  return decodeBase64ByHand(text);
}

/** The portable fallback of {@link base64ToBytes}: one table look-up per character. */
export function decodeBase64ByHand(text: string): Uint8Array {
  if (!table) {
    table = new Uint8Array(128);
    for (let i = 0; i < 64; i++) table[ALPHABET.charCodeAt(i)] = i;
  }
  const t = table;
  const size = byteLength(text);
  const out = new Uint8Array(size);
  const group = (i: number) =>
    // A character past the end reads as NaN, which the look-up turns into 0.
    (t[text.charCodeAt(i)]! << 18) |
    (t[text.charCodeAt(i + 1)]! << 12) |
    (t[text.charCodeAt(i + 2)]! << 6) |
    t[text.charCodeAt(i + 3)]!;
  let o = 0;
  let i = 0;
  for (const full = size - (size % 3); o < full; i += 4, o += 3) {
    const v = group(i);
    out[o] = v >> 16; // Uint8Array stores keep the low 8 bits.
    out[o + 1] = v >> 8;
    out[o + 2] = v;
  }
  if (o < size) {
    const v = group(i);
    out[o] = v >> 16;
    if (o + 1 < size) out[o + 1] = v >> 8;
  }
  return out;
}
