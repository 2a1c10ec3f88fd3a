import { id3Text } from "./text-tag.js";

/**
 * One AAC-LC raw data block of silence for a mono channel (an SCE with no spectral data), as
 * players and muxers use to fill gaps. No small AAC encoder exists on npm, so `aac` speech is
 * real ADTS AAC that decoders play, silent, as long as the speech; the text is in its ID3 tag.
 */
const SILENT_MONO_FRAME = Buffer.from([0x00, 0xc8, 0x00, 0x80, 0x23, 0x80]);
const SAMPLES_PER_FRAME = 1024;
const SAMPLE_RATE_INDEX: Readonly<Record<number, number>> = {
  48000: 3,
  44100: 4,
  32000: 5,
  24000: 6,
  16000: 8,
};

/** ADTS AAC-LC (mono) as long as `sampleCount` samples at `sampleRate`, `text` in its ID3 tag. */
export function encodeAac(sampleCount: number, sampleRate: number, text: string): Buffer {
  const rateIndex = SAMPLE_RATE_INDEX[sampleRate];
  if (rateIndex === undefined) throw new RangeError(`no ADTS index for ${sampleRate} Hz`);
  const length = 7 + SILENT_MONO_FRAME.length;
  const header = Buffer.from([
    0xff,
    0xf1, // MPEG-4, layer 0, no CRC
    (1 << 6) | (rateIndex << 2), // AAC LC (object type 2 - 1), rate index, channel config high bit 0
    (1 << 6) | ((length >> 11) & 0x3), // channel config 1
    (length >> 3) & 0xff,
    ((length & 0x7) << 5) | 0x1f, // buffer fullness 0x7ff (variable rate)
    0xfc, // one raw data block per frame
  ]);
  const frame = Buffer.concat([header, SILENT_MONO_FRAME]);
  const count = Math.max(1, Math.ceil(sampleCount / SAMPLES_PER_FRAME));
  return Buffer.concat([id3Text(text), ...Array.from({ length: count }, () => frame)]);
}
