import { AzureOpenAIClient, ContentFilterError, InvalidInputError } from "@aoai/core";
import { expect, inject, it } from "vitest";
import { CompletionClient, readCompletionStream } from "../src/index.js";

// Runs in headless Chromium: core's fetch transport, no Node APIs.
const completions = () => {
  const client = new AzureOpenAIClient({
    endpoint: inject("emulatorUrl"),
    apiKey: inject("emulatorApiKey"),
    maxRetries: 0,
  });
  return new CompletionClient(client, "gpt-35-turbo-instruct");
};

it("completes the docs' prompt from the browser", async () => {
  expect(typeof window).toBe("object");
  const c = await completions().complete({
    prompt: ["What is Azure OpenAI, in 20 words or less"],
    max_tokens: 2048,
    temperature: 0,
  });
  expect(c.choices[0]!.text).toContain("What is Azure OpenAI");
  expect(c.choices[0]!.finish_reason).toBe("stop");
  expect(c._response.requestId).toBeTruthy();
});

it("streams text deltas and accumulates the final completion with usage", async () => {
  const stream = await completions().stream({
    prompt: "Hello World!",
    max_tokens: 100,
    stream_options: { include_usage: true },
  });
  let text = "";
  let pieces = 0;
  for await (const delta of stream.textDeltas()) {
    text += delta;
    pieces++;
  }
  expect(pieces).toBeGreaterThan(1);
  const final = await stream.finalCompletion();
  expect(final.choices[0]!.text).toBe(text);
  expect(final.choices[0]!.finish_reason).toBe("stop");
  expect(final.usage!.total_tokens).toBeGreaterThan(0);
});

it("round-trips NDJSON, and throws typed errors (bad input before sending, the filter's 400)", async () => {
  const stream = await completions().stream({ prompt: ["a", "b"], n: 2 });
  const again = readCompletionStream(stream.toReadableStream());
  expect((await again.finalCompletion()).choices.map((c) => c.index)).toEqual([0, 1, 2, 3]);
  await expect(completions().complete({ prompt: "" })).rejects.toBeInstanceOf(InvalidInputError);
  const headers = { "x-aoai-emulator-fault": JSON.stringify({ kind: "content-filter" }) };
  await expect(completions().complete({ prompt: "x" }, { headers })).rejects.toBeInstanceOf(
    ContentFilterError,
  );
});
