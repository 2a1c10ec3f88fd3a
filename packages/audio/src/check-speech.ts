import type { AzureOpenAIClient } from "@aoai/core";
import { checkGate, checkNumber, checkOneOf, checkText, invalid } from "@aoai/core/internal";
import { audio } from "./feature.js";

/** The longest speech `input`, in characters. */
export const MAX_SPEECH_INPUT = 4096;

/** The speech operation's path. */
export const SPEECH = "audio/speech";

/**
 * Checks a speech request before anything is sent (see `checkTranscription`). Voices are not
 * limited to a list: the service keeps adding them (its spec's enum lags), and v1 takes `{ id }`.
 */
export function checkSpeech(client: AzureOpenAIClient, request: unknown): void {
  // The operation first: on a GA version, its absence is the error that helps.
  checkGate(audio, client, SPEECH);
  if (!request || typeof request !== "object" || Array.isArray(request))
    invalid("request", "must be an object of request fields.");
  const body = request as Record<string, unknown>;
  checkText(body.input, "input", MAX_SPEECH_INPUT);
  const voice = body.voice as { id?: unknown } | string | null | undefined;
  if (!(typeof voice === "string" ? voice.trim() : typeof voice?.id === "string"))
    invalid("voice", 'must be a voice name such as "alloy", or a custom voice { id }.');
  checkOneOf(body.response_format, "response_format", ["mp3", "opus", "aac", "flac", "wav", "pcm"]);
  checkNumber(body.speed, "speed", 0.25, 4);
  if (body.instructions != null) {
    if (typeof body.instructions !== "string") invalid("instructions", "must be a string.");
    checkGate(audio, client, "instructions");
  }
}
