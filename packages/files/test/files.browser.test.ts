import { AzureOpenAIClient } from "@aoai/core";
import { expect, inject, it } from "vitest";
import { FileClient } from "../src/index.js";

// Headless Chromium, real fetch to the shared emulator on 127.0.0.1 (it sends CORS headers).
const files = () =>
  new FileClient(
    new AzureOpenAIClient({
      endpoint: inject("emulatorUrl"),
      apiKey: inject("emulatorApiKey"),
      maxRetries: 0,
    }),
  );
const scale = { headers: { "x-aoai-emulator-time-scale": "0.02" } };

it("uploads a File, waits for it, finds it in the list, downloads and deletes it", async () => {
  expect((globalThis as { Buffer?: unknown }).Buffer).toBeUndefined();
  const client = files();
  const text = '{"custom_id":"a","method":"POST","url":"/chat/completions","body":{}}\n';
  const uploaded = await client.upload({ file: new File([text], "in.jsonl"), purpose: "batch" }, scale);
  expect(uploaded.status).toBe("pending");
  const done = await client.waitForProcessing(uploaded.id, { pollInterval: 5 });
  expect(done.status).toBe("processed");
  let found = false;
  for await (const file of client.list({ purpose: "batch", limit: 5 }))
    if (file.id === uploaded.id) found = true;
  expect(found).toBe(true);
  const stream = await client.content(uploaded.id);
  let received = "";
  const decoder = new TextDecoder();
  for await (const chunk of stream) received += decoder.decode(chunk, { stream: true });
  expect(received).toBe(text);
  expect((await client.delete(uploaded.id)).deleted).toBe(true);
});
