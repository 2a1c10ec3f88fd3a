import { AzureOpenAIClient } from "@aoai/core";
import { FileClient } from "@aoai/files";
import { expect, inject, it } from "vitest";
import {
  type BatchChatCompletion,
  BatchClient,
  buildBatchInput,
  isBatchSuccess,
  readBatchResults,
} from "../src/index.js";

// Headless Chromium, real fetch to the shared emulator on 127.0.0.1 (it sends CORS headers).
const scale = (s: number) => ({ headers: { "x-aoai-emulator-time-scale": String(s) } });

it("builds a batch, uploads it, waits for it and reads the results back", async () => {
  expect((globalThis as { Buffer?: unknown }).Buffer).toBeUndefined();
  const client = new AzureOpenAIClient({
    endpoint: inject("emulatorUrl"),
    apiKey: inject("emulatorApiKey"),
    maxRetries: 0,
  });
  const files = new FileClient(client);
  const batches = new BatchClient(client);
  const input = buildBatchInput({
    endpoint: "/chat/completions",
    deployment: "gpt-4o-batch",
    requests: ["red", "green", "blue"].map((color) => ({
      custom_id: color,
      body: { messages: [{ role: "user" as const, content: `Name a fruit that is ${color}.` }] },
    })),
  });
  const file = await files.upload({ file: input.file, purpose: "batch" }, scale(0));
  await files.waitForProcessing(file.id, { pollInterval: 5 });
  const batch = await batches.create({ input_file_id: file.id, endpoint: input.endpoint }, scale(0.02));
  const counts: number[] = [];
  const done = await batches.waitForCompletion(batch.id, {
    pollInterval: 5,
    maxPollInterval: 20,
    onProgress: (c) => counts.push(c.completed),
  });
  expect(done.status).toBe("completed");
  expect(counts.at(-1)).toBe(3);
  const answers: Record<string, string> = {};
  for await (const line of readBatchResults<BatchChatCompletion>(files, done))
    if (isBatchSuccess(line)) answers[line.custom_id] = line.response.body.choices[0]!.message.content ?? "";
  expect(Object.keys(answers).sort()).toEqual(["blue", "green", "red"]);
  expect(answers.red).toContain("red");
});
