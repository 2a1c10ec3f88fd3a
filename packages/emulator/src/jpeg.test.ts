import { describe, expect, it } from "vitest";
import { encodeJpeg, jpegSize } from "./jpeg.js";

/** The segments of a JPEG up to SOS, by marker, and the entropy-coded data after it. */
function segments(jpeg: Buffer): { markers: Map<number, Buffer>; scan: Buffer } {
  const markers = new Map<number, Buffer>();
  let at = 2;
  for (;;) {
    expect(jpeg[at]).toBe(0xff);
    const marker = jpeg[at + 1]!;
    const length = jpeg.readUInt16BE(at + 2);
    markers.set(marker, jpeg.subarray(at + 4, at + 2 + length));
    at += 2 + length;
    if (marker === 0xda) return { markers, scan: jpeg.subarray(at, jpeg.length - 2) };
  }
}

/**
 * A decoder for exactly what the encoder writes (DC-only blocks, the DHT it sends), independent of
 * it: reads the Huffman tables from the file and gives each block's Y, Cb, Cr.
 */
function decodeBlocks(jpeg: Buffer, blocks: number): number[][] {
  const { markers, scan } = segments(jpeg);
  const dht = markers.get(0xc4)!;
  const tables = new Map<number, Map<string, number>>();
  for (let at = 0; at < dht.length; ) {
    const id = dht[at]!;
    const counts = [...dht.subarray(at + 1, at + 17)];
    const total = counts.reduce((a, b) => a + b, 0);
    const symbols = [...dht.subarray(at + 17, at + 17 + total)];
    const codes = new Map<string, number>();
    let code = 0;
    let k = 0;
    counts.forEach((count, i) => {
      for (let j = 0; j < count; j++) codes.set((code++).toString(2).padStart(i + 1, "0"), symbols[k++]!);
      code <<= 1;
    });
    tables.set(id, codes);
    at += 17 + total;
  }
  const bytes: number[] = [];
  for (let i = 0; i < scan.length; i++) {
    bytes.push(scan[i]!);
    if (scan[i] === 0xff) i++; // stuffed zero
  }
  const bits = bytes.map((b) => b.toString(2).padStart(8, "0")).join("");
  let pos = 0;
  const read = (table: Map<string, number>) => {
    let code = "";
    while (!table.has(code)) code += bits[pos++];
    return table.get(code)!;
  };
  const dc = [0, 0, 0];
  const out: number[][] = [];
  for (let b = 0; b < blocks; b++) {
    const block: number[] = [];
    for (let c = 0; c < 3; c++) {
      const size = read(tables.get(c === 0 ? 0x00 : 0x01)!);
      let diff = 0;
      if (size > 0) {
        const raw = Number.parseInt(bits.slice(pos, pos + size), 2);
        pos += size;
        diff = raw >= 1 << (size - 1) ? raw : raw - (1 << size) + 1;
      }
      dc[c]! += diff;
      expect(read(tables.get(0x10)!)).toBe(0); // end of block
      block.push(dc[c]! / 8 + 128);
    }
    out.push(block);
  }
  return out;
}

describe("encodeJpeg", () => {
  it("writes a baseline JPEG with its size, 3 components and the standard DC tables", () => {
    const jpeg = encodeJpeg(20, 12, new Uint8Array(20 * 12 * 3).fill(200));
    expect([...jpeg.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    expect([...jpeg.subarray(-2)]).toEqual([0xff, 0xd9]);
    expect(jpegSize(jpeg)).toEqual({ width: 20, height: 12 });
    const sof = segments(jpeg).markers.get(0xc0)!;
    expect(sof[0]).toBe(8);
    expect(sof[5]).toBe(3);
  });

  it("codes each 8x8 block's average colour, which a decoder reads back", () => {
    const toYCbCr = (r: number, g: number, b: number) => [
      0.299 * r + 0.587 * g + 0.114 * b,
      -0.168736 * r - 0.331264 * g + 0.5 * b + 128,
      0.5 * r - 0.418688 * g - 0.081312 * b + 128,
    ];
    let stuffed = 0;
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % 256;
    };
    // Random flat blocks: large DC jumps, and with 40 images some 0xff bytes needing stuffing.
    for (let image = 0; image < 40; image++) {
      const colours = Array.from({ length: 6 }, () => [random(), random(), random()] as const);
      const rgb = new Uint8Array(24 * 16 * 3);
      for (let y = 0; y < 16; y++)
        for (let x = 0; x < 24; x++) rgb.set(colours[(y >> 3) * 3 + (x >> 3)]!, (y * 24 + x) * 3);
      const jpeg = encodeJpeg(24, 16, rgb);
      const { scan } = segments(jpeg);
      for (let i = 0; i + 1 < scan.length; i++) if (scan[i] === 0xff && scan[i + 1] === 0) stuffed++;
      decodeBlocks(jpeg, 6).forEach((block, i) => {
        const want = toYCbCr(...colours[i]!);
        for (const [c, v] of block.entries()) expect(Math.abs(v - want[c]!)).toBeLessThanOrEqual(0.0625);
      });
    }
    expect(stuffed).toBeGreaterThan(0);
  });

  it("averages partial blocks at the edges and checks the pixel buffer size", () => {
    const jpeg = encodeJpeg(9, 9, new Uint8Array(9 * 9 * 3).fill(128));
    const blocks = decodeBlocks(jpeg, 4);
    for (const block of blocks) for (const v of block) expect(v).toBeCloseTo(128, 0);
    expect(() => encodeJpeg(2, 2, new Uint8Array(3))).toThrow(RangeError);
    expect(jpegSize(Buffer.from("not a jpeg"))).toBeUndefined();
  });
});
