import { describe, expect, it } from "vitest";
import { decodeText, encodeText, SAMPLE_RATE } from "./fsk.js";
import { encodeWav, parseWav, pcmBytes, pcmSamples } from "./wav.js";

describe("FSK text in audio", () => {
  it("round-trips text, UTF-8 included", () => {
    for (const text of ["", "a", "Hello, world!", "Ça marche — 日本語 ✓", "x".repeat(2000)]) {
      expect(decodeText(encodeText(text))).toBe(text);
    }
  });

  it("survives WAV and PCM encoding", () => {
    const samples = encodeText("through the container");
    const wav = parseWav(encodeWav(samples, SAMPLE_RATE))!;
    expect(wav.sampleRate).toBe(SAMPLE_RATE);
    expect(decodeText(wav.samples)).toBe("through the container");
    expect(decodeText(pcmSamples(pcmBytes(samples)))).toBe("through the container");
  });

  it("returns undefined for other audio, silence and noise", () => {
    expect(decodeText(new Int16Array(24_000))).toBeUndefined();
    const noise = Int16Array.from({ length: 24_000 }, (_, i) => ((i * 7919) % 2000) - 1000);
    expect(decodeText(noise)).toBeUndefined();
    expect(decodeText(new Int16Array(10))).toBeUndefined();
  });

  it("detects a corrupted payload through the checksum", () => {
    const samples = encodeText("checksum me");
    samples.fill(0, 240 * 2 * 8, 240 * 2 * 9); // wipe one payload byte
    expect(decodeText(samples)).toBeUndefined();
  });
});

describe("parseWav", () => {
  it("rejects non-WAV and non-16-bit data", () => {
    expect(parseWav(Buffer.from("not a wav file at all"))).toBeUndefined();
    const wav = encodeWav(new Int16Array(4), 8000);
    wav.writeUInt16LE(8, 34);
    expect(parseWav(wav)).toBeUndefined();
  });
});
