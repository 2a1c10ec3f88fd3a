import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { encodeFlac, parseFlac } from "./flac.js";
import { decodeText, encodeText, SAMPLE_RATE } from "./fsk.js";
import { pcmBytes } from "./wav.js";

// CRC-8 (poly 0x07) and CRC-16 (poly 0x8005) as the FLAC format defines them, bit by bit, to
// check the encoder's table-free versions against an independent reading of the spec.
function crc(bytes: Uint8Array, width: 8 | 16, poly: number): number {
  const top = 1 << (width - 1);
  const mask = (1 << width) - 1;
  let value = 0;
  for (const byte of bytes)
    for (let bit = 7; bit >= 0; bit--) {
      const feed = ((byte >> bit) & 1) ^ (value & top ? 1 : 0);
      value = ((value << 1) & mask) ^ (feed ? poly : 0);
    }
  return value;
}

describe("FLAC (verbatim subframes)", () => {
  it("round-trips the FSK text through the container, across several frames", () => {
    const text = "Speech in FLAC. ".repeat(40);
    const samples = encodeText(text);
    expect(samples.length).toBeGreaterThan(4096 * 3);
    const flac = encodeFlac(samples, SAMPLE_RATE);
    const parsed = parseFlac(flac)!;
    expect(parsed.sampleRate).toBe(SAMPLE_RATE);
    expect(parsed.samples).toEqual(samples);
    expect(decodeText(parsed.samples)).toBe(text);
  });

  it("writes a valid stream: magic, STREAMINFO, frame headers and CRCs", () => {
    const samples = encodeText("header check");
    const flac = encodeFlac(samples, SAMPLE_RATE);
    expect(flac.toString("ascii", 0, 4)).toBe("fLaC");
    expect(flac[4]).toBe(0x80); // last metadata block, STREAMINFO
    expect(flac.readUIntBE(5, 3)).toBe(34);
    const info = flac.subarray(8, 8 + 34);
    expect(info.readUInt16BE(0)).toBe(4096);
    const word = info.readUInt32BE(10);
    expect(word >>> 12).toBe(24_000);
    expect((word >>> 9) & 7).toBe(0); // mono
    expect(((word >>> 4) & 31) + 1).toBe(16);
    expect(info.readUInt32BE(14)).toBe(samples.length);
    expect(info.subarray(18, 34)).toEqual(createHash("md5").update(pcmBytes(samples)).digest());

    const first = 42;
    expect(flac.readUInt16BE(first)).toBe(0xfff8);
    const headerLength = 4 + 1 + 2; // codes, frame number 0, block size - 1
    expect(flac[first + headerLength]).toBe(crc(flac.subarray(first, first + headerLength), 8, 0x07));
    const count = flac.readUInt16BE(first + 5) + 1;
    expect(count).toBe(4096);
    const end = first + headerLength + 1 + 1 + count * 2;
    expect(flac.readUInt16BE(end)).toBe(crc(flac.subarray(first, end), 16, 0x8005));
    expect(flac[end + 2]).toBe(0xff); // the next frame follows
  });

  it("codes frame numbers past 127 in FLAC's UTF-8 form", () => {
    const samples = new Int16Array(4096 * 130 + 10);
    const parsed = parseFlac(encodeFlac(samples, SAMPLE_RATE));
    expect(parsed?.samples.length).toBe(samples.length);
  });

  it("decodes nothing else", () => {
    expect(parseFlac(Buffer.from("fLaC but nothing useful follows this marker"))).toBeUndefined();
    expect(parseFlac(Buffer.from("RIFF....WAVE"))).toBeUndefined();
  });
});
