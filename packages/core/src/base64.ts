interface NodeBuffer {
  from(
    buffer: ArrayBufferLike,
    offset?: number,
    length?: number,
  ): {
    write(text: string, encoding: "base64"): number;
    toString(encoding: "base64"): string;
  };
}
type Base64Statics = { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> };
type Base64Methods = { toBase64?: () => string };

const nodeBuffer = (): NodeBuffer | undefined => (globalThis as { Buffer?: NodeBuffer }).Buffer;

/** Node's `Buffer` is there, so {@link nodeBase64ToBytes} decodes. */
export const hasNodeBuffer = (): boolean => nodeBuffer() !== undefined;

/** Bytes encoded by `text`, without its `=` padding. */
function byteLength(text: string): number {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61) end--;
  return (end * 3) >> 2;
}

/**
 * Node: `text` decoded by `Buffer` into a new array that owns its exact `ArrayBuffer`, and how
 * many bytes were written (fewer than the array's length when `text` has characters outside
 * base64). `undefined` where there is no `Buffer`.
 */
export function nodeBase64ToBytes(
  text: string,
): { bytes: Uint8Array<ArrayBuffer>; written: number } | undefined {
  const buffer = nodeBuffer();
  if (!buffer) return undefined;
  // Buffer.from(text, "base64") would be a view into a larger (pooled or over-sized) buffer.
  const bytes = new Uint8Array(byteLength(text));
  return { bytes, written: buffer.from(bytes.buffer).write(text, "base64") };
}

/**
 * Decodes standard base64 (padded or not) into a new `Uint8Array` that owns its exact
 * `ArrayBuffer` (offset 0, so a `Float32Array` can view it). Node's `Buffer` decodes straight into
 * it; elsewhere `Uint8Array.fromBase64`, else `atob`: no `node:` import, so it is browser-safe.
 */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const node = nodeBase64ToBytes(text);
  if (node) return node.bytes;
  const fromBase64 = (Uint8Array as Base64Statics).fromBase64;
  return fromBase64 ? fromBase64(text) : decodeWithAtob(text);
}

/**
 * The fallback for browsers without `Uint8Array.fromBase64` (before 2025). `atob` rejects
 * characters outside the alphabet, and in V8 it is faster than a table decoder (21 us vs 30 us for
 * one 3072-dimension embedding).
 */
export function decodeWithAtob(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Encodes bytes as standard base64 (padded), with `Buffer`, `toBase64` or `btoa`. */
export function bytesToBase64(bytes: Uint8Array): string {
  const buffer = nodeBuffer();
  if (buffer) return buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
  const toBase64 = (bytes as Base64Methods).toBase64;
  if (toBase64) return toBase64.call(bytes);
  let binary = "";
  // Chunks keep fromCharCode's argument count well under engines' limits.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]);
  }
  return btoa(binary);
}
