import { AzureOpenAIClient, InvalidInputError } from "@aoai/core";
import { expect, inject, it } from "vitest";
import { AudioClient, createSpeech, saveSpeech } from "../src/index.js";

// Runs in headless Chromium: core's fetch transport and Blob uploads, no Node APIs.
const client = new AzureOpenAIClient({
  endpoint: inject("emulatorUrl"),
  apiKey: inject("emulatorApiKey"),
  apiVersion: "2025-04-01-preview",
  maxRetries: 0,
});
const whisper = new AudioClient(client, "whisper");
const tts = new AudioClient(client, "tts");

it("speaks, decodes the audio as a player would, and transcribes the Blob back to the text", async () => {
  expect(typeof window).toBe("object");
  const input = "Hello from headless Chromium.";
  for (const format of ["wav", "flac"] as const) {
    const speech = await createSpeech(tts, { input, voice: "alloy", response_format: format });
    expect(speech.contentType).toBe(`audio/${format}`);
    const blob = await new Response(speech.toReadableStream()).blob();
    // The browser's own decoder reads it: a real WAV, and a real FLAC.
    const decoded = await new OfflineAudioContext(1, 1, 24_000).decodeAudioData(await blob.arrayBuffer());
    expect(decoded.sampleRate).toBe(24_000);
    expect(decoded.duration).toBeGreaterThan(0.3);
    const result = await whisper.transcribe({ file: blob, response_format: "verbose_json" });
    expect(result.text).toBe(input);
    expect(result.duration).toBeCloseTo(decoded.duration, 2);
    expect(result._response.requestId).toBeTruthy();
  }
});

it("transcribes a File and a web stream, and translates, with text formats", async () => {
  const bytes = await (
    await createSpeech(tts, { input: "Bonjour.", voice: "nova", response_format: "wav" })
  ).bytes();
  const file = new File([bytes as BlobPart], "bonjour.wav", { type: "audio/wav" });
  expect((await whisper.transcribe({ file, response_format: "text" })).text).toBe("Bonjour.\n");
  expect((await whisper.translate({ file: new Blob([bytes as BlobPart]).stream() })).text).toBe("Bonjour.");
});

it("refuses Node-only inputs before sending", async () => {
  const path = await whisper.transcribe({ file: "speech.wav" }).catch((e: unknown) => e);
  expect(InvalidInputError.isInstance(path)).toBe(true);
  expect((path as InvalidInputError).param).toBe("file");
  const save = await saveSpeech(tts, { input: "hi", voice: "alloy" }, "speech.mp3").catch((e: unknown) => e);
  expect(InvalidInputError.isInstance(save)).toBe(true);
  expect((save as InvalidInputError).param).toBe("path");
});
