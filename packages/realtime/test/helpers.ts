import { AzureOpenAIClient, type AzureOpenAIClientOptions } from "@aoai/core";
import { inject } from "vitest";
import { encodeText } from "../../emulator/src/audio/fsk.js";
import { RealtimeClient } from "../src/index.js";

/** A realtime client on the shared emulator, on the GA route (apiVersion v1) unless told otherwise. */
export function emulatorRealtime(
  options: AzureOpenAIClientOptions = {},
  deployment = "gpt-realtime",
): { client: AzureOpenAIClient; realtime: RealtimeClient } {
  const client = new AzureOpenAIClient({
    endpoint: inject("emulatorUrl"),
    apiKey: inject("emulatorApiKey"),
    apiVersion: "v1",
    maxRetries: 0,
    ...options,
  });
  return { client, realtime: new RealtimeClient(client, deployment) };
}

/** Speech the emulator understands: PCM16 24 kHz samples that carry `text` (its speech endpoint's encoding). */
export const speech = (text: string): Int16Array => encodeText(text);

/** Session settings for a turn taken by hand: no server VAD, input transcription on (GA shape). */
export const MANUAL_TURNS = {
  type: "realtime" as const,
  audio: { input: { turn_detection: null, transcription: { model: "gpt-4o-transcribe" } } },
};
