import type { TextResult } from "@aoai/core";
import type { AudioResponseFormat, AudioTextFormat } from "./request-types.js";

/** One token's log probability (`include: ["logprobs"]`). */
export interface TranscriptionLogprob {
  token: string;
  logprob: number;
  bytes: number[];
}

/** Token usage the gpt-4o transcribe models report. */
export interface TranscriptionUsage {
  type: "tokens";
  input_tokens: number;
  input_token_details?: { text_tokens?: number; audio_tokens?: number };
  output_tokens: number;
  total_tokens: number;
}

/** `response_format: "json"` (the default). */
export interface Transcription {
  text: string;
  /** With `include: ["logprobs"]`. */
  logprobs?: TranscriptionLogprob[];
  usage?: TranscriptionUsage;
}

/** A segment of a `verbose_json` transcript; times in seconds. */
export interface TranscriptionSegment {
  id: number;
  seek: number;
  start: number;
  end: number;
  text: string;
  tokens: number[];
  temperature: number;
  avg_logprob: number;
  compression_ratio: number;
  no_speech_prob: number;
}

/** A word of a `verbose_json` transcript (`timestamp_granularities` has `"word"`); times in seconds. */
export interface TranscriptionWord {
  word: string;
  start: number;
  end: number;
}

/** `response_format: "verbose_json"`. */
export interface VerboseTranscription {
  /** Azure adds it: `"transcribe"` or `"translate"`. */
  task?: "transcribe" | "translate" | (string & {});
  /** The detected (or given) language, e.g. `"english"`. */
  language: string;
  /** Seconds of audio. */
  duration: number;
  text: string;
  /** Present unless `timestamp_granularities` leaves out `"segment"`. */
  segments?: TranscriptionSegment[];
  /** Present when `timestamp_granularities` has `"word"`. */
  words?: TranscriptionWord[];
}

/**
 * The result of a transcription or translation for a `response_format`: `{ text }` for `json`,
 * {@link VerboseTranscription} for `verbose_json`, and for `text`, `srt` and `vtt` the body as
 * `{ text, contentType }` (core's `TextResult`), so every result has `text` and `_response`.
 */
export type TranscriptionFor<F extends AudioResponseFormat | undefined> = F extends AudioTextFormat
  ? TextResult
  : F extends "verbose_json"
    ? VerboseTranscription
    : Transcription;

/** A piece of text of a streamed transcription. */
export interface TranscriptTextDeltaEvent {
  type: "transcript.text.delta";
  delta: string;
  logprobs?: TranscriptionLogprob[];
}

/** The last event of a streamed transcription: the whole text. */
export interface TranscriptTextDoneEvent {
  type: "transcript.text.done";
  text: string;
  logprobs?: TranscriptionLogprob[];
  usage?: TranscriptionUsage;
}

/** An event of `transcribeStream()`. */
export type TranscriptionStreamEvent = TranscriptTextDeltaEvent | TranscriptTextDoneEvent;
