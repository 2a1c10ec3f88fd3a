import { AzureOpenAIClient, type AzureOpenAIClientOptions } from "@aoai/core";
import { inject } from "vitest";
import { FileClient } from "../src/file-client.js";

/** A file client on the shared emulator (or on `options.endpoint`). */
export function fileClient(options: AzureOpenAIClientOptions = {}): FileClient {
  return new FileClient(
    new AzureOpenAIClient({
      endpoint: inject("emulatorUrl"),
      apiKey: inject("emulatorApiKey"),
      maxRetries: 0,
      ...options,
    }),
  );
}

/** Per-call headers that make the emulator run the created resource on time scale `scale`. */
export const timeScale = (scale: number) => ({ headers: { "x-aoai-emulator-time-scale": String(scale) } });

/** Per-call headers that inject an emulator fault. */
export const fault = (value: object) => ({ headers: { "x-aoai-emulator-fault": JSON.stringify(value) } });

/** `count` chat training examples as JSONL bytes. */
export function trainingJsonl(count: number): Uint8Array {
  let text = "";
  for (let i = 0; i < count; i++)
    text += `${JSON.stringify({
      messages: [
        { role: "user", content: `${i}?` },
        { role: "assistant", content: `${i}.` },
      ],
    })}\n`;
  return new TextEncoder().encode(text);
}
