import { encodeFlac } from "../audio/flac.js";
import { encodeText, SAMPLE_RATE } from "../audio/fsk.js";
import { encodeWav, pcmBytes } from "../audio/wav.js";
import { invalidRequest } from "../errors.js";
import type { Reply } from "../reply.js";
import { checkNumber } from "./chat-validate.js";
import type { OpRequest } from "./types.js";

/** Formats the emulator can really encode. */
const SPEECH_FORMATS = ["wav", "pcm", "flac"] as const;
const KNOWN_FORMATS = new Set(["mp3", "opus", "aac", "flac", "wav", "pcm"]);
const MAX_INPUT = 4096;

/**
 * `audio/speech`: audio whose samples carry the input text (see audio/fsk.ts), so the emulator's
 * transcription endpoint gives the text back, from `wav`, `pcm` and `flac` alike. Without
 * `response_format` it answers `wav` (the service's default, mp3, would need an encoder the
 * emulator does not ship; so would opus and aac).
 */
export function speech(req: OpRequest): Reply {
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
  const format = (req.body.response_format as string | undefined) ?? "wav";
  if (!(SPEECH_FORMATS as readonly string[]).includes(format)) {
    const why = KNOWN_FORMATS.has(format) ? "is not supported by the emulator" : "is not a valid format";
    throw invalidRequest(
      `'response_format' '${format}' ${why}. Supported: ${SPEECH_FORMATS.join(", ")}.`,
      "response_format",
      "invalid_value",
    );
  }
  const samples = encodeText(input);
  if (format === "pcm")
    return { kind: "raw", status: 200, contentType: "audio/pcm", body: pcmBytes(samples) };
  if (format === "flac")
    return { kind: "raw", status: 200, contentType: "audio/flac", body: encodeFlac(samples, SAMPLE_RATE) };
  return { kind: "raw", status: 200, contentType: "audio/wav", body: encodeWav(samples, SAMPLE_RATE) };
}
