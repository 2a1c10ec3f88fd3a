import { ChatClient } from "@aoai/chat";
import { expect, inject, it } from "vitest";
import { AzureOpenAIRouter, routeOf } from "../src/index.js";

// Runs in headless Chromium: core's fetch transport, a fetch body for streams.
const router = () =>
  new AzureOpenAIRouter({
    pools: {
      chat: [
        {
          name: "first",
          endpoint: inject("emulatorUrl"),
          deployment: "gpt-4o",
          apiKey: inject("emulatorApiKey"),
          priority: 1,
        },
        {
          name: "second",
          endpoint: inject("emulatorUrl"),
          deployment: "my-gpt-4o-deployment",
          apiKey: inject("emulatorApiKey"),
          priority: 2,
        },
      ],
    },
  });
// The emulator answers the first request that carries this header with a 429, the next normally.
const throttleOnce = () => ({
  headers: {
    "x-aoai-emulator-fault": JSON.stringify({
      kind: "status",
      status: 429,
      retry_after_ms: 5000,
      times: 1,
      id: crypto.randomUUID(),
    }),
  },
});
const messages = [{ role: "user" as const, content: "Hello" }];

it("moves a throttled call on to the next target in the browser", async () => {
  const result = await new ChatClient(router(), "chat").complete({ messages }, throttleOnce());
  expect(routeOf(result)).toMatchObject({ target: "second", tried: [{ target: "first", outcome: "429" }] });
});

it("streams through the router in the browser, the first byte given back", async () => {
  const stream = await new ChatClient(router(), "chat").stream({ messages }, throttleOnce());
  let text = "";
  for await (const delta of stream.textDeltas()) text += delta;
  expect(text).not.toBe("");
  expect((await stream.finalCompletion()).choices[0]!.message.content).toBe(text);
  expect(routeOf(stream)?.target).toBe("second");
});
