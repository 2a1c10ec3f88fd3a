import { invalid } from "@aoai/core/internal";

/** The sample rate of the service's PCM16 audio (`audio/pcm`, `pcm16`). */
export const SAMPLE_RATE = 24_000;

/** Audio to send: 16-bit samples, float samples in [-1, 1] (Web Audio), or PCM16 little-endian bytes. */
export type AudioInput = Int16Array | Float32Array | Uint8Array | ArrayBuffer;

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** PCM16 little-endian bytes of `audio`, without a copy where the input already is that. */
export function pcm16Bytes(audio: AudioInput): Uint8Array {
  if (audio instanceof ArrayBuffer) audio = new Uint8Array(audio);
  if (audio instanceof Uint8Array) {
    if (audio.byteLength % 2) invalid("audio", "PCM16 bytes come in pairs; got an odd length.");
    return audio;
  }
  if (audio instanceof Int16Array && littleEndian)
    return new Uint8Array(audio.buffer, audio.byteOffset, audio.byteLength);
  const out = new Uint8Array(audio.length * 2);
  const view = new DataView(out.buffer);
  if (audio instanceof Int16Array) {
    for (let i = 0; i < audio.length; i++) view.setInt16(i * 2, audio[i]!, true);
  } else if (audio instanceof Float32Array) {
    for (let i = 0; i < audio.length; i++) {
      const s = Math.max(-1, Math.min(1, audio[i]!));
      view.setInt16(i * 2, Math.round(s < 0 ? s * 32768 : s * 32767), true);
    }
  } else {
    invalid("audio", "must be an Int16Array, a Float32Array, PCM16 bytes or an ArrayBuffer.");
  }
  return out;
}

/** 16-bit samples of PCM16 little-endian bytes. */
export function pcm16Samples(bytes: Uint8Array): Int16Array {
  if (littleEndian && bytes.byteOffset % 2 === 0)
    return new Int16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 1);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Int16Array(bytes.byteLength >> 1);
  for (let i = 0; i < out.length; i++) out[i] = view.getInt16(i * 2, true);
  return out;
}

/**
 * A WAV file (RIFF, PCM 16-bit, mono) of `samples`.
 * @param sampleRate - @default 24000
 */
export function toWav(samples: Int16Array, sampleRate = SAMPLE_RATE): Uint8Array {
  const data = pcm16Bytes(samples);
  const out = new Uint8Array(44 + data.byteLength);
  const view = new DataView(out.buffer);
  const text = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) out[at + i] = s.charCodeAt(i);
  };
  text(0, "RIFF");
  view.setUint32(4, 36 + data.byteLength, true);
  text(8, "WAVE");
  text(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, "data");
  view.setUint32(40, data.byteLength, true);
  out.set(data, 44);
  return out;
}

/** The samples of a PCM 16-bit WAV file (the first channel) and its sample rate. */
export function fromWav(wav: Uint8Array): { sampleRate: number; samples: Int16Array } {
  const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  const tag = (at: number) => String.fromCharCode(...wav.subarray(at, at + 4));
  if (wav.byteLength < 12 || tag(0) !== "RIFF" || tag(8) !== "WAVE") invalid("wav", "is not a WAV file.");
  let channels = 0;
  let sampleRate = 0;
  for (let at = 12; at + 8 <= wav.byteLength; ) {
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === "fmt ") {
      if (view.getUint16(body, true) !== 1 || view.getUint16(body + 14, true) !== 16)
        invalid("wav", "must be PCM 16-bit.");
      channels = view.getUint16(body + 2, true);
      sampleRate = view.getUint32(body + 4, true);
    } else if (id === "data" && channels) {
      const frames = Math.floor(Math.min(size, wav.byteLength - body) / (2 * channels));
      const samples = new Int16Array(frames);
      for (let i = 0; i < frames; i++) samples[i] = view.getInt16(body + i * 2 * channels, true);
      return { sampleRate, samples };
    }
    at = body + size + (size % 2);
  }
  return invalid("wav", "has no PCM data.");
}
