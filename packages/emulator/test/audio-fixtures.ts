import { encodeText, SAMPLE_RATE } from "../src/audio/fsk.js";
import { encodeWav } from "../src/audio/wav.js";

/** A WAV the emulator's transcription endpoint decodes back to `text`. */
export function encodeWavForTest(text: string): Buffer {
  return encodeWav(encodeText(text), SAMPLE_RATE);
}
