import { AzureOpenAIClient, type AzureOpenAIClientOptions } from "@aoai/core";
import { inject } from "vitest";
import { AudioClient } from "../src/index.js";

/** The docs' deployment names: a whisper deployment transcribes, a tts deployment speaks. */
export const WHISPER = "whisper";
export const TTS = "tts";
/** The gpt-4o models: only they stream transcriptions, give logprobs and take `instructions`. */
export const TRANSCRIBE = "gpt-4o-transcribe";
export const MINI_TTS = "gpt-4o-mini-tts";

/** A preview version: the GA versions have no speech. */
export const PREVIEW = "2025-04-01-preview";

/** A core client on the shared emulator (or on `endpoint`, e.g. a Prism proxy). */
export function emulatorClient(
  options: AzureOpenAIClientOptions = {},
  endpoint = inject("emulatorUrl"),
): AzureOpenAIClient {
  return new AzureOpenAIClient({
    endpoint,
    apiKey: inject("emulatorApiKey"),
    maxRetries: 0,
    apiVersion: PREVIEW,
    ...options,
  });
}

/** Audio clients for transcription and speech on the same core client. */
export function audioClients(options: AzureOpenAIClientOptions = {}, endpoint?: string) {
  const client = emulatorClient(options, endpoint);
  return {
    client,
    whisper: new AudioClient(client, WHISPER),
    tts: new AudioClient(client, TTS),
    transcriber: new AudioClient(client, TRANSCRIBE),
    miniTts: new AudioClient(client, MINI_TTS),
  };
}
