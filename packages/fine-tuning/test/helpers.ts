import { AzureOpenAIClient, type AzureOpenAIClientOptions } from "@aoai/core";
import { FileClient } from "@aoai/files";
import { inject } from "vitest";
import { FineTuningClient } from "../src/fine-tuning-client.js";

/** The base model the examples and the docs fine-tune. */
export const BASE_MODEL = "gpt-4o-mini-2024-07-18";

/** File and fine-tuning clients on the shared emulator (or on `options.endpoint`). */
export function clients(options: AzureOpenAIClientOptions = {}): {
  files: FileClient;
  tuning: FineTuningClient;
} {
  const client = new AzureOpenAIClient({
    endpoint: inject("emulatorUrl"),
    apiKey: inject("emulatorApiKey"),
    maxRetries: 0,
    apiVersion: "2025-04-01-preview",
    ...options,
  });
  return { files: new FileClient(client), tuning: new FineTuningClient(client) };
}

/** Per-call headers that make the emulator run the created resource on time scale `scale`. */
export const timeScale = (scale: number) => ({ headers: { "x-aoai-emulator-time-scale": String(scale) } });

/** Per-call headers that inject an emulator fault. */
export const fault = (value: object) => ({ headers: { "x-aoai-emulator-fault": JSON.stringify(value) } });

/** Fast polling for tests. */
export const fast = { pollInterval: 5, maxPollInterval: 20 };

/** `count` chat training examples as JSONL bytes. */
export function trainingJsonl(count: number): Uint8Array<ArrayBuffer> {
  let text = "";
  for (let i = 0; i < count; i++)
    text += `${JSON.stringify({
      messages: [
        { role: "system", content: "Clippy is a factual chatbot that is also sarcastic." },
        { role: "user", content: `What is ${i} + 1?` },
        { role: "assistant", content: `${i + 1}, obviously.` },
      ],
    })}\n`;
  return new TextEncoder().encode(text);
}

/** Uploads `count` training examples and waits until the file is processed; returns its id. */
export async function uploadTraining(files: FileClient, count = 12): Promise<string> {
  const file = await files.upload(
    { file: new File([trainingJsonl(count)], "training.jsonl"), purpose: "fine-tune" },
    timeScale(0),
  );
  return (await files.waitForProcessing(file.id, fast)).id;
}
