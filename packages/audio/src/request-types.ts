import type { Uploadable } from "@aoai/core";

/** Transcript formats that come back as text rather than JSON. */
export type AudioTextFormat = "text" | "srt" | "vtt";

/** `response_format` of a transcription or translation. */
export type AudioResponseFormat = "json" | "verbose_json" | AudioTextFormat;

/** `timestamp_granularities` of a `verbose_json` transcription. */
export type TimestampGranularity = "word" | "segment";

/** How a gpt-4o transcribe model cuts long audio: `"auto"`, or server-side voice detection. */
export type TranscriptionChunkingStrategy =
  | "auto"
  | {
      type: "server_vad";
      /** Audio kept before detected speech, in ms. */
      prefix_padding_ms?: number;
      /** Silence that ends a chunk, in ms. */
      silence_duration_ms?: number;
      /** Voice detection sensitivity, 0 to 1. */
      threshold?: number;
    };

/**
 * A translation request (`audio/translations`): English text from audio in another language.
 * `file` is a `File`, `Blob`, `Uint8Array`, `ArrayBuffer`, web `ReadableStream`, or in Node a
 * path or a readable stream such as `createReadStream(path)`; 25 MB at most.
 */
export interface TranslationCreateRequest<
  F extends AudioResponseFormat | undefined = AudioResponseFormat | undefined,
> {
  /** The audio: flac, mp3, mp4, mpeg, mpga, m4a, ogg, wav or webm. */
  file: Uploadable;
  /** @default "json" */
  response_format?: F;
  /** Text to guide the style, or to continue a previous segment (in English for translations). */
  prompt?: string;
  /** Sampling temperature from 0 to 1. @default 0 */
  temperature?: number;
}

/** A transcription request (`audio/transcriptions`): text in the audio's own language. */
export interface TranscriptionCreateRequest<
  F extends AudioResponseFormat | undefined = AudioResponseFormat | undefined,
> extends TranslationCreateRequest<F> {
  /** The audio's language as ISO-639-1 (`"en"`), which improves accuracy and latency. */
  language?: string;
  /**
   * With `response_format: "verbose_json"`: `"word"` adds `words` with start and end times,
   * `"segment"` keeps `segments`. @default ["segment"]
   */
  timestamp_granularities?: TimestampGranularity[];
  /** `["logprobs"]` adds the tokens' log probabilities (gpt-4o transcribe models, `json` format). */
  include?: "logprobs"[];
  /**
   * How long audio is cut into chunks (gpt-4o transcribe models). An object is sent as bracketed
   * form fields (`chunking_strategy[type]`), as openai's clients send it.
   */
  chunking_strategy?: TranscriptionChunkingStrategy | null;
  /**
   * Set by `transcribeStream()`; `transcribe()` refuses `true`.
   * @default false
   */
  stream?: boolean;
}

/** Voices the service documents; others (new voices, `{ id }` custom voices on v1) pass as well. */
export type SpeechVoice =
  | "alloy"
  | "ash"
  | "ballad"
  | "cedar"
  | "coral"
  | "echo"
  | "fable"
  | "marin"
  | "nova"
  | "onyx"
  | "sage"
  | "shimmer"
  | "verse";

/** `response_format` of speech. */
export type SpeechFormat = "mp3" | "opus" | "aac" | "flac" | "wav" | "pcm";

/** A text-to-speech request (`audio/speech`). */
export interface SpeechCreateRequest {
  /** The text to speak: 4096 characters at most. */
  input: string;
  /** A documented voice, or a custom voice `{ id }` (v1 API). */
  voice: SpeechVoice | (string & {}) | { id: string };
  /** `pcm` is raw 16-bit little-endian mono at 24 kHz. @default "mp3" */
  response_format?: SpeechFormat;
  /** From 0.25 to 4. @default 1 */
  speed?: number;
  /** How to speak: tone, accent, pace (gpt-4o-mini-tts; not tts-1 or tts-1-hd). */
  instructions?: string;
}
