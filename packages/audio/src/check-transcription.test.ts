import { AzureOpenAIClient, InvalidInputError, UnsupportedApiVersionError } from "@aoai/core";
import { describe, expect, it } from "vitest";
import { checkTranscription } from "./check-transcription.js";

const client = (apiVersion = "2025-04-01-preview", versionChecks = true) =>
  new AzureOpenAIClient({
    endpoint: "https://example.openai.azure.com",
    apiKey: "k",
    apiVersion,
    versionChecks,
  });
const file = new Uint8Array([1]);

function refused(request: unknown, streaming = false, task: "transcribe" | "translate" = "transcribe") {
  try {
    checkTranscription(client(), request, task, streaming);
  } catch (error) {
    if (InvalidInputError.isInstance(error)) return error.param;
    throw error;
  }
  return undefined;
}

describe("checkTranscription", () => {
  it("passes a full valid request and unknown fields", () => {
    expect(
      refused({
        file,
        response_format: "verbose_json",
        timestamp_granularities: ["word", "segment"],
        language: "en",
        prompt: "p",
        temperature: 0.2,
        some_new_field: 1,
      }),
    ).toBeUndefined();
    expect(refused({ file, response_format: null, temperature: null })).toBeUndefined();
  });

  it("names the field that is surely wrong", () => {
    expect(refused(null)).toBe("request");
    expect(refused("speech.mp3")).toBe("request");
    expect(refused({})).toBe("file");
    expect(refused({ file: null })).toBe("file");
    expect(refused({ file, response_format: "xml" })).toBe("response_format");
    expect(refused({ file, temperature: 1.5 })).toBe("temperature");
    expect(refused({ file, temperature: "0" })).toBe("temperature");
    expect(refused({ file, response_format: "verbose_json", timestamp_granularities: [] })).toBe(
      "timestamp_granularities",
    );
    expect(refused({ file, response_format: "verbose_json", timestamp_granularities: "word" })).toBe(
      "timestamp_granularities",
    );
    expect(
      refused({ file, response_format: "verbose_json", timestamp_granularities: ["word", "char"] }),
    ).toBe("timestamp_granularities[1]");
    expect(refused({ file, timestamp_granularities: ["word"] })).toBe("timestamp_granularities");
    expect(refused({ file, stream: true })).toBe("stream");
    expect(refused({ file, stream: false }, true)).toBe("stream");
    expect(refused({ file, stream: false })).toBeUndefined();
  });

  it("gates the gpt-4o fields by API version; versionChecks: false lets them through", () => {
    for (const request of [
      { file, include: ["logprobs"] },
      { file, chunking_strategy: "auto" },
    ]) {
      expect(() => checkTranscription(client("2025-01-01-preview"), request, "transcribe")).toThrow(
        UnsupportedApiVersionError,
      );
      expect(() => checkTranscription(client("2024-10-21"), request, "transcribe")).toThrow(
        UnsupportedApiVersionError,
      );
      checkTranscription(client("2025-03-01-preview"), request, "transcribe");
      checkTranscription(client("v1"), request, "transcribe");
      checkTranscription(client("2024-10-21", false), request, "transcribe");
    }
    // Streaming itself is gated by transcribeStream() (test/audio.test.ts).
    checkTranscription(client("2024-10-21"), { file, stream: false }, "transcribe");
  });
});
