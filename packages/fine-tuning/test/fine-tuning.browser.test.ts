import { AzureOpenAIClient } from "@aoai/core";
import { FileClient } from "@aoai/files";
import { expect, inject, it } from "vitest";
import { FineTuningClient } from "../src/index.js";

// Headless Chromium, real fetch to the shared emulator on 127.0.0.1 (it sends CORS headers).
const scale = (s: number) => ({ headers: { "x-aoai-emulator-time-scale": String(s) } });

it("creates a job from an uploaded file, waits for it and lists its events", async () => {
  expect((globalThis as { Buffer?: unknown }).Buffer).toBeUndefined();
  const client = new AzureOpenAIClient({
    endpoint: inject("emulatorUrl"),
    apiKey: inject("emulatorApiKey"),
    maxRetries: 0,
    apiVersion: "2025-04-01-preview",
  });
  const files = new FileClient(client);
  const tuning = new FineTuningClient(client);
  const lines = Array.from(
    { length: 10 },
    (_, i) =>
      `${JSON.stringify({
        messages: [
          { role: "user", content: `${i}?` },
          { role: "assistant", content: `${i}.` },
        ],
      })}\n`,
  );
  const file = await files.upload({ file: new File(lines, "train.jsonl"), purpose: "fine-tune" }, scale(0));
  await files.waitForProcessing(file.id, { pollInterval: 5 });
  const job = await tuning.create({ model: "gpt-4o-mini-2024-07-18", training_file: file.id }, scale(0.02));
  const done = await tuning.waitForCompletion(job.id, { pollInterval: 5, maxPollInterval: 20 });
  expect(done.status).toBe("succeeded");
  const messages: string[] = [];
  for await (const event of tuning.listEvents(job.id)) messages.push(event.message);
  expect(messages[0]).toBe("The job has successfully completed.");
  expect((await tuning.listCheckpoints(job.id)).data).toHaveLength(3);
});
