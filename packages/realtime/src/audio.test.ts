import { InvalidInputError } from "@aoai/core";
import { describe, expect, it } from "vitest";
import { fromWav, pcm16Bytes, pcm16Samples, toWav } from "./audio.js";

describe("pcm16Bytes", () => {
  it("views an Int16Array's bytes little-endian, without copying", () => {
    const samples = Int16Array.from([1, -2, 0x1234]);
    const bytes = pcm16Bytes(samples);
    expect([...bytes]).toEqual([1, 0, 0xfe, 0xff, 0x34, 0x12]);
    expect(bytes.buffer).toBe(samples.buffer);
  });

  it("scales floats into 16 bits and clamps them", () => {
    const bytes = pcm16Bytes(Float32Array.from([0, 1, -1, 2, -2, 0.5]));
    expect([...pcm16Samples(bytes)]).toEqual([0, 32767, -32768, 32767, -32768, 16384]);
  });

  it("passes bytes through, and refuses an odd length", () => {
    const bytes = new Uint8Array([1, 2, 3, 4]);
    expect(pcm16Bytes(bytes)).toBe(bytes);
    expect(pcm16Bytes(bytes.buffer)).toEqual(bytes);
    expect(() => pcm16Bytes(new Uint8Array(3))).toThrow(InvalidInputError);
    expect(() => pcm16Bytes([1, 2] as never)).toThrow(InvalidInputError);
  });
});

describe("WAV", () => {
  it("writes a 44-byte header and reads back the first channel of stereo", () => {
    const wav = toWav(Int16Array.from([5, -5]));
    expect(wav.byteLength).toBe(48);
    expect(new TextDecoder().decode(wav.subarray(0, 4))).toBe("RIFF");
    const stereo = toWav(Int16Array.from([1, 100, 2, 200]), 8000);
    // Patch the header to 2 channels: frames are [1, 100] and [2, 200].
    const view = new DataView(stereo.buffer);
    view.setUint16(22, 2, true);
    expect([...fromWav(stereo).samples]).toEqual([1, 2]);
  });

  it("refuses what is not PCM16 WAV", () => {
    expect(() => fromWav(new Uint8Array(20))).toThrow(InvalidInputError);
    const wav = toWav(Int16Array.from([1]));
    new DataView(wav.buffer).setUint16(34, 8, true);
    expect(() => fromWav(wav)).toThrow(/PCM 16-bit/);
  });
});
