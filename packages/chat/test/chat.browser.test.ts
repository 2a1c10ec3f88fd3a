import { AzureOpenAIClient } from "@aoai/core";
import { expect, inject, it } from "vitest";
import { ChatClient, imageDataUrl, readChatStream } from "../src/index.js";

// Runs in headless Chromium: core's fetch transport, no Node APIs.
const chat = () => {
  const client = new AzureOpenAIClient({
    endpoint: inject("emulatorUrl"),
    apiKey: inject("emulatorApiKey"),
    maxRetries: 0,
  });
  return new ChatClient(client, "gpt-4o");
};
const messages = [
  { role: "system", content: "You are a helpful assistant that talks like a pirate." },
  { role: "user", content: "What's the best way to train a parrot?" },
] as const;

it("streams a reply from the emulator in the browser", async () => {
  expect(typeof window).toBe("object");
  const stream = await chat().stream({ messages: [...messages] });
  let text = "";
  let pieces = 0;
  for await (const delta of stream.textDeltas()) {
    text += delta;
    pieces++;
  }
  expect(pieces).toBeGreaterThan(1);
  const final = await stream.finalCompletion();
  expect(final.choices[0]!.message.content).toBe(text);
  expect(final.choices[0]!.finish_reason).toBe("stop");
});

it("completes with an image from bytes (imageDataUrl without Buffer) and round-trips NDJSON", async () => {
  const url = imageDataUrl(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), "image/png");
  expect(url).toBe("data:image/png;base64,iVBORw==");
  const c = await chat().complete({
    messages: [
      {
        role: "user",
        content: [
          { type: "text", text: "What is this?" },
          { type: "image_url", image_url: { url } },
        ],
      },
    ],
  });
  expect(typeof c.choices[0]!.message.content).toBe("string");
  const stream = await chat().stream({ messages: [...messages] });
  const again = readChatStream(stream.toReadableStream());
  expect((await again.finalCompletion()).choices[0]!.message.content!.length).toBeGreaterThan(0);
});
