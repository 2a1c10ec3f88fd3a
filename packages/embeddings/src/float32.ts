import { InvalidResponseError } from "@aoai/core";
import { base64ToBytes } from "@aoai/core/internal";
import { LITTLE_ENDIAN_HOST } from "./endianness.js";

/**
 * Views little-endian float32 bytes as a `Float32Array` that owns its whole `ArrayBuffer`. The
 * bytes are used in place when they already are one aligned, unshared buffer; otherwise (a pooled
 * Node Buffer, an odd offset) they are copied once. On a big-endian host each value is byte-swapped
 * (in place when the bytes were not copied).
 * @param littleEndianHost the host's byte order, @default detected once at load
 */
export function bytesToFloat32(
  bytes: Uint8Array,
  littleEndianHost: boolean = LITTLE_ENDIAN_HOST,
): Float32Array<ArrayBuffer> {
  const length = bytes.byteLength;
  if (length & 3)
    throw new InvalidResponseError("A base64 embedding is not whole float32 values.", "", undefined);
  let own = bytes;
  if (bytes.byteOffset !== 0 || bytes.buffer.byteLength !== length) own = new Uint8Array(bytes); // a copy (Buffer#slice would be a view)
  if (!littleEndianHost) {
    for (let i = 0; i < length; i += 4) {
      const a = own[i]!;
      const b = own[i + 1]!;
      own[i] = own[i + 3]!;
      own[i + 1] = own[i + 2]!;
      own[i + 2] = b;
      own[i + 3] = a;
    }
  }
  return new Float32Array(own.buffer as ArrayBuffer, 0, length >> 2);
}

/** Decodes the service's base64 embedding (little-endian float32) to a `Float32Array`. */
export function base64ToFloat32(text: string, littleEndianHost?: boolean): Float32Array<ArrayBuffer> {
  return bytesToFloat32(base64ToBytes(text), littleEndianHost);
}
