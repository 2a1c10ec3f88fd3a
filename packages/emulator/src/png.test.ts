import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { encodePng, pngSize } from "./png.js";

describe("encodePng", () => {
  it("writes a valid PNG whose IHDR and pixels match", () => {
    const rgb = Uint8Array.from({ length: 3 * 2 * 3 }, (_, i) => i * 10);
    const png = encodePng(3, 2, rgb);
    expect(pngSize(png)).toEqual({ width: 3, height: 2 });
    const idatLength = png.readUInt32BE(33);
    expect(png.toString("ascii", 37, 41)).toBe("IDAT");
    const raw = inflateSync(png.subarray(41, 41 + idatLength));
    expect(raw.length).toBe(2 * (1 + 3 * 3));
    expect([...raw.subarray(1, 10)]).toEqual([...rgb.subarray(0, 9)]);
    expect(png.toString("ascii", png.length - 8, png.length - 4)).toBe("IEND");
  });

  it("checks the pixel buffer size", () => {
    expect(() => encodePng(2, 2, new Uint8Array(3))).toThrow(RangeError);
  });
});
