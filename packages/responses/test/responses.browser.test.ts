import { AzureOpenAIClient } from "@aoai/core";
import { expect, inject, it } from "vitest";
import { ResponseClient, readResponseStream } from "../src/index.js";

// Runs in headless Chromium: core's fetch transport, no Node APIs.
const responses = (deployment = "gpt-4.1") =>
  new ResponseClient(
    new AzureOpenAIClient({
      endpoint: inject("emulatorUrl"),
      apiKey: inject("emulatorApiKey"),
      apiVersion: "v1",
      maxRetries: 0,
    }),
    deployment,
  );

it("streams a response from the emulator in the browser", async () => {
  expect(typeof window).toBe("object");
  const stream = await responses().stream({ input: "What's the best way to train a parrot?" });
  let text = "";
  let pieces = 0;
  for await (const delta of stream.textDeltas()) {
    text += delta;
    pieces++;
  }
  expect(pieces).toBeGreaterThan(1);
  const final = await stream.finalResponse();
  expect(final.status).toBe("completed");
  expect(final.output_text).toBe(text);
  expect(final._response.requestId).toBeTruthy();
});

it("resumes a dropped background stream in the browser, and round-trips NDJSON", async () => {
  // Paced, so the events before the cut reach the page: Chromium drops what is buffered when the
  // connection resets, and a stream cut before response.created names no response to resume.
  const fault = JSON.stringify({
    kind: "reset-mid-stream",
    after_chunks: 4,
    chunk_delay_ms: 20,
    times: 1,
    id: `browser-${Date.now()}`,
  });
  const resumed: number[] = [];
  const stream = await responses().stream(
    { input: "Resume in the browser", background: true },
    { headers: { "x-aoai-emulator-fault": fault }, onResume: (after) => resumed.push(after) },
  );
  const read = readResponseStream(stream.toReadableStream());
  const numbers: number[] = [];
  for await (const event of read) numbers.push(event.sequence_number);
  expect(numbers).toEqual(numbers.map((_, i) => i));
  expect((await read.finalResponse()).output_text).toContain("Resume in the browser");
  expect(resumed).toEqual([3]);
});

it("creates a response with reasoning in the browser", async () => {
  const response = await responses("o4-mini").create({ input: "Hi", reasoning: { summary: "auto" } });
  expect(response.output[0]?.type).toBe("reasoning");
  expect(response.output_text).toContain("Hi");
});
