import { AzureOpenAIClient, InvalidInputError, UnsupportedApiVersionError } from "@aoai/core";
import { describe, expect, it } from "vitest";
import { checkSpeech, MAX_SPEECH_INPUT } from "./check-speech.js";

const client = (apiVersion = "2025-04-01-preview") =>
  new AzureOpenAIClient({ endpoint: "https://example.openai.azure.com", apiKey: "k", apiVersion });

function refused(request: unknown): string | undefined {
  try {
    checkSpeech(client(), request);
  } catch (error) {
    if (InvalidInputError.isInstance(error)) return error.param;
    throw error;
  }
  return undefined;
}

describe("checkSpeech", () => {
  it("passes every documented voice and format, the speed bounds, voices it does not know and { id }", () => {
    const voices = [
      "alloy",
      "ash",
      "ballad",
      "cedar",
      "coral",
      "echo",
      "fable",
      "marin",
      "nova",
      "onyx",
      "sage",
    ];
    for (const voice of [...voices, "shimmer", "verse", "a-voice-from-next-year", { id: "voice_1234" }])
      expect(refused({ input: "hi", voice })).toBeUndefined();
    for (const response_format of ["mp3", "opus", "aac", "flac", "wav", "pcm"])
      expect(refused({ input: "hi", voice: "alloy", response_format })).toBeUndefined();
    for (const speed of [0.25, 1, 4]) expect(refused({ input: "hi", voice: "alloy", speed })).toBeUndefined();
    expect(
      refused({ input: "x".repeat(MAX_SPEECH_INPUT), voice: "alloy", instructions: "Calm." }),
    ).toBeUndefined();
  });

  it("names the field that is surely wrong", () => {
    expect(refused(undefined)).toBe("request");
    expect(refused({ voice: "alloy" })).toBe("input");
    expect(refused({ input: "", voice: "alloy" })).toBe("input");
    expect(refused({ input: "  ", voice: "alloy" })).toBe("input");
    expect(refused({ input: "x".repeat(MAX_SPEECH_INPUT + 1), voice: "alloy" })).toBe("input");
    expect(refused({ input: "hi" })).toBe("voice");
    expect(refused({ input: "hi", voice: "" })).toBe("voice");
    expect(refused({ input: "hi", voice: { name: "x" } })).toBe("voice");
    expect(refused({ input: "hi", voice: "alloy", response_format: "ogg" })).toBe("response_format");
    expect(refused({ input: "hi", voice: "alloy", speed: 0.2 })).toBe("speed");
    expect(refused({ input: "hi", voice: "alloy", speed: 4.5 })).toBe("speed");
    expect(refused({ input: "hi", voice: "alloy", instructions: 3 })).toBe("instructions");
  });

  it("gates instructions to the versions that have gpt-4o-mini-tts", () => {
    const request = { input: "hi", voice: "coral", instructions: "Cheerful." };
    expect(() => checkSpeech(client("2024-12-01-preview"), request)).toThrow(UnsupportedApiVersionError);
    checkSpeech(client("2025-03-01-preview"), request);
    checkSpeech(client("preview"), request);
  });
});
