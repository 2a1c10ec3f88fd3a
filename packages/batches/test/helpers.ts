import { AzureOpenAIClient, type AzureOpenAIClientOptions } from "@aoai/core";
import { FileClient } from "@aoai/files";
import { inject } from "vitest";
import { BatchClient } from "../src/batch-client.js";
import { buildBatchInput } from "../src/batch-input.js";

/** The deployment the examples and the docs use for global batch. */
export const BATCH_DEPLOYMENT = "gpt-4o-batch";

/** File and batch clients on the shared emulator (or on `options.endpoint`). */
export function clients(options: AzureOpenAIClientOptions = {}): { files: FileClient; batches: BatchClient } {
  const client = new AzureOpenAIClient({
    endpoint: inject("emulatorUrl"),
    apiKey: inject("emulatorApiKey"),
    maxRetries: 0,
    ...options,
  });
  return { files: new FileClient(client), batches: new BatchClient(client) };
}

/** Per-call headers that make the emulator run the created resource on time scale `scale`. */
export const timeScale = (scale: number) => ({ headers: { "x-aoai-emulator-time-scale": String(scale) } });

/** Per-call headers that inject an emulator fault. */
export const fault = (value: object) => ({ headers: { "x-aoai-emulator-fault": JSON.stringify(value) } });

/** Fast polling for tests. */
export const fast = { pollInterval: 5, maxPollInterval: 20 };

/** `count` chat questions as a checked batch input file. */
export function chatInput(count: number) {
  return buildBatchInput({
    endpoint: "/chat/completions",
    deployment: BATCH_DEPLOYMENT,
    requests: Array.from({ length: count }, (_, i) => ({
      custom_id: `task-${i}`,
      body: { messages: [{ role: "user" as const, content: `Question ${i}?` }], max_tokens: 50 },
    })),
  });
}

/** Uploads `file` for a batch and waits until it is processed; returns its id. */
export async function uploadInput(files: FileClient, file: Blob | Uint8Array): Promise<string> {
  const uploaded = await files.upload({ file, purpose: "batch" }, timeScale(0));
  return (await files.waitForProcessing(uploaded.id, fast)).id;
}
