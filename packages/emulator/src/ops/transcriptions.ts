import { parseFlac } from "../audio/flac.js";
import { decodeText, encodeText, SAMPLE_RATE } from "../audio/fsk.js";
import { readOpusText } from "../audio/ogg-opus.js";
import { readId3Text } from "../audio/text-tag.js";
import { parseWav, pcmSamples } from "../audio/wav.js";
import { invalidRequest } from "../errors.js";
import { fnv1a } from "../hash.js";
import { dataFrame, type Reply } from "../reply.js";
import { countTokens, wordPieces } from "../text.js";
import type { OpRequest } from "./types.js";

/** What audio the emulator did not make transcribes to. */
export const PLACEHOLDER_TRANSCRIPT = "This is a deterministic transcription from the Azure OpenAI emulator.";

const FORMATS = new Set(["json", "text", "srt", "vtt", "verbose_json"]);

interface Timed {
  text: string;
  start: number;
  end: number;
}

/** `audio/transcriptions` and `audio/translations` over a multipart upload. */
export function transcribe(req: OpRequest, task: "transcribe" | "translate"): Reply {
  const file = req.files.file;
  if (!file) throw invalidRequest("'file' is a required property", "file", "missing_required_parameter");
  if (file.data.length === 0) throw invalidRequest("The audio file is empty.", "file", "invalid_value");
  const format = (field(req.body.response_format) ?? "json").trim();
  if (!FORMATS.has(format))
    throw invalidRequest(
      `'response_format' must be one of ${[...FORMATS].join(", ")}`,
      "response_format",
      "invalid_value",
    );
  const { text, duration } = listen(file.data);
  const logprobs = list(req.body, "include").includes("logprobs");
  if (field(req.body.stream) === "true") {
    if (format !== "json" && format !== "text")
      throw invalidRequest(
        `'response_format' '${format}' cannot be streamed; use json or text.`,
        "response_format",
        "invalid_value",
      );
    return { kind: "sse", frames: streamFrames(text, duration, logprobs) };
  }
  const segments = split(text, /(?<=[.!?])\s+/, duration);
  switch (format) {
    case "text":
      return { kind: "raw", status: 200, contentType: "text/plain; charset=utf-8", body: `${text}\n` };
    case "srt":
      return { kind: "raw", status: 200, contentType: "text/plain; charset=utf-8", body: srt(segments) };
    case "vtt":
      return { kind: "raw", status: 200, contentType: "text/plain; charset=utf-8", body: vtt(segments) };
    case "verbose_json":
      return { kind: "json", status: 200, body: verbose(req, task, text, duration, segments) };
    default:
      return {
        kind: "json",
        status: 200,
        body: logprobs ? { text, logprobs: tokenLogprobs(text) } : { text },
      };
  }
}

/**
 * Streamed transcription (`stream=true`, the gpt-4o transcribe models): a `transcript.text.delta`
 * event per word, then `transcript.text.done` with the whole text and usage. No `[DONE]` follows.
 */
function streamFrames(text: string, duration: number, logprobs: boolean): string[] {
  const frames = wordPieces(text).map((delta) =>
    dataFrame({
      type: "transcript.text.delta",
      delta,
      ...(logprobs && { logprobs: tokenLogprobs(delta) }),
    }),
  );
  const audioTokens = Math.ceil(duration * 10);
  const outputTokens = countTokens(text);
  frames.push(
    dataFrame({
      type: "transcript.text.done",
      text,
      ...(logprobs && { logprobs: tokenLogprobs(text) }),
      usage: {
        type: "tokens",
        input_tokens: audioTokens,
        input_token_details: { text_tokens: 0, audio_tokens: audioTokens },
        output_tokens: outputTokens,
        total_tokens: audioTokens + outputTokens,
      },
    }),
  );
  return frames;
}

/** Deterministic log probabilities of the word pieces of `text`, as `include[]=logprobs` gives. */
function tokenLogprobs(text: string): { token: string; logprob: number; bytes: number[] }[] {
  return wordPieces(text).map((token) => ({
    token,
    logprob: -((fnv1a(token) % 1000) / 1000),
    bytes: [...Buffer.from(token, "utf8")],
  }));
}

/** The text carried by emulator-made audio, or the placeholder; and the audio's duration. */
function listen(data: Buffer): { text: string; duration: number } {
  // mp3, aac and opus speech the emulator made carry their text in metadata (audio/text-tag.ts).
  const tagged = readId3Text(data) ?? readOpusText(data);
  if (tagged !== undefined)
    return { text: tagged, duration: round(Math.max(encodeText(tagged).length / SAMPLE_RATE, 0.01)) };
  const wav = parseWav(data) ?? parseFlac(data);
  const container = ["RIFF", "fLaC"].includes(data.toString("ascii", 0, 4));
  const samples = wav?.samples ?? (container ? undefined : pcmSamples(data));
  const rate = wav?.sampleRate ?? SAMPLE_RATE;
  const decoded = samples && rate === SAMPLE_RATE ? decodeText(samples) : undefined;
  // Unknown compressed audio: assume about 128 kbit/s to give a plausible duration.
  const duration = wav
    ? wav.samples.length / wav.sampleRate
    : decoded !== undefined
      ? samples!.length / SAMPLE_RATE
      : data.length / 16_000;
  return { text: decoded ?? PLACEHOLDER_TRANSCRIPT, duration: round(Math.max(duration, 0.01)) };
}

function verbose(req: OpRequest, task: string, text: string, duration: number, segments: Timed[]) {
  const given = list(req.body, "timestamp_granularities");
  const granularities = given.length > 0 ? given : ["segment"];
  const body: Record<string, unknown> = {
    task,
    language: field(req.body.language) ?? "english",
    duration,
    text,
  };
  if (granularities.includes("segment")) {
    body.segments = segments.map((s, id) => ({
      id,
      seek: 0,
      start: s.start,
      end: s.end,
      text: ` ${s.text}`,
      tokens: Array.from({ length: countTokens(s.text) }, (_, i) => 50_364 + i),
      temperature: 0,
      avg_logprob: -0.2,
      compression_ratio: 1.2,
      no_speech_prob: 0.01,
    }));
  }
  if (granularities.includes("word")) {
    body.words = split(text, /\s+/, duration).map((w) => ({ word: w.text, start: w.start, end: w.end }));
  }
  return body;
}

/** Splits `text` and spreads the pieces over `duration` in proportion to their length. */
function split(text: string, separator: RegExp, duration: number): Timed[] {
  const pieces = text.split(separator).filter(Boolean);
  const total = pieces.reduce((s, p) => s + p.length, 0) || 1;
  let at = 0;
  return pieces.map((piece) => {
    const start = at;
    at += (piece.length / total) * duration;
    return { text: piece, start: round(start), end: round(at) };
  });
}

function stamp(seconds: number, separator: "," | "."): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}${separator}${pad(ms % 1000, 3)}`;
}

function srt(segments: Timed[]): string {
  return segments
    .map((s, i) => `${i + 1}\n${stamp(s.start, ",")} --> ${stamp(s.end, ",")}\n${s.text}\n`)
    .join("\n");
}

function vtt(segments: Timed[]): string {
  return `WEBVTT\n\n${segments.map((s) => `${stamp(s.start, ".")} --> ${stamp(s.end, ".")}\n${s.text}\n`).join("\n")}`;
}

/** An array field of the form, sent as repeated `name[]` parts (or, leniently, as `name`). */
function list(body: Record<string, unknown>, name: string): unknown[] {
  const raw = body[`${name}[]`] ?? body[name];
  return Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
}

function field(value: unknown): string | undefined {
  if (Array.isArray(value)) return typeof value[0] === "string" ? value[0] : undefined;
  return typeof value === "string" ? value : undefined;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
