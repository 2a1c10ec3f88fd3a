import { InvalidResponseError } from "@aoai/core";
import { describe, expect, it } from "vitest";
import { LITTLE_ENDIAN_HOST } from "./endianness.js";
import { base64ToFloat32, bytesToFloat32 } from "./float32.js";

const values = [0.5, -1.25, 3.4028234663852886e38, 1e-40, -0, 0.1];
/** The bytes the service sends: little-endian float32. */
function wireBytes(list: number[]): Uint8Array {
  const view = new DataView(new ArrayBuffer(list.length * 4));
  for (const [i, v] of list.entries()) view.setFloat32(i * 4, v, true);
  return new Uint8Array(view.buffer);
}
const f32 = (list: number[]) => Array.from(new Float32Array(list));

describe("bytesToFloat32", () => {
  it("detects a little-endian test host", () => {
    expect(LITTLE_ENDIAN_HOST).toBe(true);
  });

  it("views an aligned, unshared buffer without copying", () => {
    const bytes = wireBytes(values);
    const vector = bytesToFloat32(bytes);
    expect(vector.buffer).toBe(bytes.buffer);
    // Typed Float32Array<ArrayBuffer>: its buffer is an ArrayBuffer, and a Blob takes the vector.
    const owned: ArrayBuffer = vector.buffer;
    expect(new Blob([vector]).size).toBe(owned.byteLength);
    expect(Array.from(vector)).toEqual(f32(values));
  });

  it("copies bytes at an unaligned offset into an aligned buffer of their own", () => {
    for (const offset of [1, 2, 3, 4, 5]) {
      const padded = new Uint8Array(values.length * 4 + offset + 3);
      padded.set(wireBytes(values), offset);
      const bytes = padded.subarray(offset, offset + values.length * 4);
      const vector = bytesToFloat32(bytes);
      expect(vector.buffer).not.toBe(padded.buffer);
      expect(vector.byteOffset).toBe(0);
      expect(vector.buffer.byteLength).toBe(values.length * 4);
      expect(Array.from(vector)).toEqual(f32(values));
    }
  });

  it("copies a pooled Node Buffer so the vector owns its whole buffer", () => {
    const pooled = Buffer.from(Buffer.from(wireBytes(values)).toString("base64"), "base64");
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.byteLength);
    const vector = bytesToFloat32(pooled);
    expect(vector.buffer.byteLength).toBe(values.length * 4);
    expect(Array.from(vector)).toEqual(f32(values));
  });

  it("byte-swaps every value on a big-endian host", () => {
    const vector = bytesToFloat32(wireBytes(values), false);
    // On a big-endian host the swapped buffer reads back as the values; check the bytes as such.
    const view = new DataView(vector.buffer, vector.byteOffset, vector.byteLength);
    expect(values.map((_, i) => view.getFloat32(i * 4, false))).toEqual(f32(values));
  });

  it("byte-swaps at an unaligned offset on a big-endian host, leaving the input intact", () => {
    const padded = new Uint8Array(values.length * 4 + 1);
    padded.set(wireBytes(values), 1);
    const before = padded.slice();
    const vector = bytesToFloat32(padded.subarray(1), false);
    const view = new DataView(vector.buffer);
    expect(values.map((_, i) => view.getFloat32(i * 4, false))).toEqual(f32(values));
    expect(padded).toEqual(before);
  });

  it("rejects a byte count that is not a multiple of 4", () => {
    expect(() => bytesToFloat32(new Uint8Array(6))).toThrow(InvalidResponseError);
  });
});

describe("base64ToFloat32", () => {
  it("decodes the service's base64 (3072 dims)", () => {
    const list = Array.from({ length: 3072 }, (_, i) => Math.sin(i) / 40);
    const b64 = Buffer.from(wireBytes(list)).toString("base64");
    const vector = base64ToFloat32(b64);
    expect(vector).toBeInstanceOf(Float32Array);
    expect(Array.from(vector)).toEqual(f32(list));
  });

  it("decodes through the big-endian path to the same values once read big-endian", () => {
    const b64 = Buffer.from(wireBytes(values)).toString("base64");
    const view = new DataView(base64ToFloat32(b64, false).buffer);
    expect(values.map((_, i) => view.getFloat32(i * 4, false))).toEqual(f32(values));
  });
});
