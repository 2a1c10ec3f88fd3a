import { encodeAac } from "../audio/aac.js";
import { encodeFlac } from "../audio/flac.js";
import { encodeText, SAMPLE_RATE } from "../audio/fsk.js";
import { encodeMp3 } from "../audio/mp3.js";
import { encodeOggOpus } from "../audio/ogg-opus.js";
import { encodeWav, pcmBytes } from "../audio/wav.js";
import { invalidRequest } from "../errors.js";
import type { Reply } from "../reply.js";
import { checkNumber } from "./chat-validate.js";
import type { OpRequest } from "./types.js";

/** The formats Azure serves, each with its content type. */
const SPEECH_FORMATS: Readonly<Record<string, string>> = {
  mp3: "audio/mpeg",
  opus: "audio/ogg",
  aac: "audio/aac",
  flac: "audio/flac",
  wav: "audio/wav",
  pcm: "audio/pcm",
};
const MAX_INPUT = 4096;

/**
 * `audio/speech`: audio whose samples carry the input text (see audio/fsk.ts), so the emulator's
 * transcription endpoint gives the text back. `mp3` (the default, as on Azure; LAME via lamejs),
 * `opus` (Ogg Opus, libopus via opusscript), `wav`, `pcm` and `flac` are real encodings of those
 * samples; `aac` is real ADTS AAC of silence (no small AAC encoder exists on npm). The lossy
 * formats also carry the text in their metadata (audio/text-tag.ts).
 */
export async function speech(req: OpRequest): Promise<Reply> {
  const { input, voice } = req.body;
  if (input === undefined || input === null)
    throw invalidRequest("'input' is a required property", "input", "missing_required_parameter");
  if (typeof input !== "string" || input.length === 0)
    throw invalidRequest("'input' must be a non-empty string", "input", "invalid_value");
  if (input.length > MAX_INPUT)
    throw invalidRequest(
      `'input' must be at most ${MAX_INPUT} characters`,
      "input",
      "string_above_max_length",
    );
  if (voice === undefined || voice === null)
    throw invalidRequest("'voice' is a required property", "voice", "missing_required_parameter");
  // The v1 API also takes a custom voice as `{ "id": "voice_1234" }`.
  const custom = typeof (voice as { id?: unknown }).id === "string";
  if (typeof voice !== "string" && !custom)
    throw invalidRequest("'voice' must be a string or a custom voice { id }", "voice", "invalid_type");
  checkNumber(req.body, "speed", 0.25, 4);
  const format = (req.body.response_format as string | undefined) ?? "mp3";
  const contentType = Object.hasOwn(SPEECH_FORMATS, format) ? SPEECH_FORMATS[format] : undefined;
  if (!contentType)
    throw invalidRequest(
      `Invalid value: '${format}'. Supported values are: ${Object.keys(SPEECH_FORMATS)
        .map((f) => `'${f}'`)
        .join(", ")}.`,
      "response_format",
      "invalid_value",
    );
  const samples = encodeText(input);
  return { kind: "raw", status: 200, contentType, body: await encode(format, samples, input) };
}

async function encode(format: string, samples: Int16Array, text: string): Promise<Buffer> {
  switch (format) {
    case "pcm":
      return pcmBytes(samples);
    case "flac":
      return encodeFlac(samples, SAMPLE_RATE);
    case "wav":
      return encodeWav(samples, SAMPLE_RATE);
    case "opus":
      return encodeOggOpus(samples, SAMPLE_RATE, text);
    case "aac":
      return encodeAac(samples.length, SAMPLE_RATE, text);
    default:
      return encodeMp3(samples, SAMPLE_RATE, text);
  }
}
