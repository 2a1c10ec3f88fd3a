import { AudioClient } from "@aoai/audio";
import { ChatClient } from "@aoai/chat";
import { DEFAULT_DEPLOYMENTS, type Emulator, startEmulator } from "@aoai/emulator";
import { ResponseClient } from "@aoai/responses";
import { afterEach, describe, expect, it } from "vitest";
import { AzureOpenAIRouter, type RouterTarget, routeOf } from "../src/index.js";

// The v1 API names the deployment in the body as `model`, and resource operations (files, stored
// responses…) name none: how the router routes both, over emulators on loopback.
const MESSAGES = [{ role: "user" as const, content: "Hello" }];
const DEPLOYMENTS = { ...DEFAULT_DEPLOYMENTS, "ptu-4o": "gpt-4o", "std-4o": "gpt-4o" };
const started: Emulator[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((e) => e.close()));
});

async function emulator(options: Parameters<typeof startEmulator>[0] = {}): Promise<Emulator> {
  const e = await startEmulator({ deployments: DEPLOYMENTS, ...options });
  started.push(e);
  return e;
}

function target(e: Emulator, name: string, deployment: string, priority = 1): RouterTarget {
  return { endpoint: e.url, deployment, apiKey: e.apiKey, name, priority };
}

const sent = (e: Emulator, path: string) => e.requests.filter((r) => r.path === path);

describe("the router on the v1 API", () => {
  it("sends chat to /openai/v1 with each target's own deployment as model, failing over on 429", async () => {
    const ptu = await emulator();
    const standard = await emulator();
    const router = new AzureOpenAIRouter({
      pools: { chat: [target(ptu, "ptu", "ptu-4o"), target(standard, "standard", "std-4o", 2)] },
    });
    const chat = new ChatClient(router, "chat");
    expect(routeOf(await chat.complete({ messages: MESSAGES }))?.target).toBe("ptu");
    ptu.faults.push({ kind: "status", status: 429, retry_after_ms: 2000 });
    const moved = await chat.complete({ messages: MESSAGES });
    expect(routeOf(moved)).toMatchObject({ target: "standard", tried: [{ target: "ptu", outcome: "429" }] });
    expect(moved._response.retryCount).toBe(0);
    const [first, throttled] = sent(ptu, "/openai/v1/chat/completions");
    expect(first!.query["api-version"]).toBeUndefined();
    expect((first!.body as { model: string }).model).toBe("ptu-4o");
    expect((throttled!.body as { model: string }).model).toBe("ptu-4o");
    const [served] = sent(standard, "/openai/v1/chat/completions");
    expect(served!.body).toMatchObject({ model: "std-4o", messages: MESSAGES });
  });

  it("streams chat on v1 and fails the stream over before its first byte", async () => {
    const cut = await emulator();
    const good = await emulator();
    const router = new AzureOpenAIRouter({
      pools: { chat: [target(cut, "cut", "ptu-4o"), target(good, "good", "std-4o", 2)] },
    });
    cut.faults.push({ kind: "reset-mid-stream", after_chunks: 0 });
    const stream = await new ChatClient(router, "chat").stream({ messages: MESSAGES });
    let text = "";
    for await (const t of stream.textDeltas()) text += t;
    expect(text).not.toBe("");
    expect(routeOf(stream)).toMatchObject({ target: "good", tried: [{ target: "cut", outcome: "cut" }] });
  });

  it("serves responses through a pool, failing over on 429 with the model rewritten", async () => {
    const ptu = await emulator();
    const standard = await emulator();
    const router = new AzureOpenAIRouter({
      pools: { "gpt-4o": [target(ptu, "ptu", "ptu-4o"), target(standard, "standard", "std-4o", 2)] },
    });
    const responses = new ResponseClient(router, "gpt-4o");
    const first = await responses.create({ input: "Hello", store: false });
    expect(routeOf(first)?.target).toBe("ptu");
    ptu.faults.push({ kind: "status", status: 429, retry_after_ms: 2000 });
    const second = await responses.create({ input: "Hello again", store: false });
    expect(first.output_text).not.toBe("");
    expect(routeOf(second)).toMatchObject({ target: "standard", tried: [{ target: "ptu", outcome: "429" }] });
    expect(second._response.retryCount).toBe(0);
    expect(sent(ptu, "/openai/v1/responses").map((r) => (r.body as { model: string }).model)).toEqual([
      "ptu-4o",
      "ptu-4o",
    ]);
    expect(sent(standard, "/openai/v1/responses")[0]!.body).toMatchObject({ model: "std-4o" });
    // A stream too.
    const stream = await responses.stream({ input: "Stream it", store: false });
    for await (const _ of stream);
    expect(routeOf(stream)?.target).toBe("standard");
  });

  it("routes responses on a dated preview by the body's model too (no deployment in its URL)", async () => {
    const e = await emulator();
    const router = new AzureOpenAIRouter({
      pools: { "gpt-4o": [target(e, "ptu", "ptu-4o")] },
      apiVersion: "2025-04-01-preview",
    });
    const made = await new ResponseClient(router, "gpt-4o").create({ input: "Hi", store: false });
    expect(routeOf(made)?.target).toBe("ptu");
    const seen = e.requests.at(-1)!;
    expect(seen.path).toBe("/openai/responses");
    expect(seen.query["api-version"]).toBe("2025-04-01-preview");
    expect((seen.body as { model: string }).model).toBe("ptu-4o");
  });

  it("sends resource operations to the one resource of its targets, and a stored response's follow-ups with them", async () => {
    const e = await emulator();
    const router = new AzureOpenAIRouter({
      pools: { "gpt-4o": [target(e, "ptu", "ptu-4o"), target(e, "standard", "std-4o", 2)] },
    });
    const responses = new ResponseClient(router, "gpt-4o");
    const made = await responses.create({ input: "Remember 7" });
    const again = await responses.retrieve(made.id);
    expect(again.id).toBe(made.id);
    expect(routeOf(again)?.target).toBe("ptu");
    const next = await responses.create({ input: "Which number?", previous_response_id: made.id });
    expect(next.status).toBe("completed");
  });

  it("refuses resource operations when its targets span resources and none is named, and sends them to the named one", async () => {
    const a = await emulator();
    const b = await emulator();
    const pools = { "gpt-4o": [target(a, "a", "ptu-4o"), target(b, "b", "std-4o", 2)] };
    const spread = new ResponseClient(new AzureOpenAIRouter({ pools }), "gpt-4o");
    await expect(spread.retrieve("resp_1")).rejects.toMatchObject({
      name: "RouterConfigError",
      param: "resources",
    });
    // A stored response is kept by the resource that made it: a follow-up could land on another.
    await expect(spread.create({ input: "Hi", previous_response_id: "resp_1" })).rejects.toMatchObject({
      name: "RouterConfigError",
      param: "previous_response_id",
    });
    expect(a.requests).toHaveLength(0);
    expect(b.requests).toHaveLength(0);

    const pinned = new ResponseClient(new AzureOpenAIRouter({ pools, resources: "b" }), "gpt-4o");
    const error = await pinned.retrieve("resp_missing").catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404 });
    expect(b.requests.at(-1)!.path).toBe("/openai/v1/responses/resp_missing");
    expect(a.requests).toHaveLength(0);
    expect(() => new AzureOpenAIRouter({ pools, resources: "c" })).toThrow(
      expect.objectContaining({ name: "RouterConfigError", param: "resources" }),
    );
  });

  it("refuses a v1 form (the deployment is inside it) before sending, and routes audio by URL on a dated version", async () => {
    const e = await emulator();
    const pools = { stt: [target(e, "a", "whisper")] };
    const file = new Blob([new Uint8Array(2048).fill(1)], { type: "audio/wav" });
    const v1 = new AudioClient(new AzureOpenAIRouter({ pools, apiVersion: "v1" }), "stt");
    await expect(v1.transcribe({ file } as never)).rejects.toMatchObject({
      name: "RouterConfigError",
      param: "apiVersion",
    });
    expect(e.requests).toHaveLength(0);
    const auto = new AudioClient(new AzureOpenAIRouter({ pools }), "stt");
    expect(routeOf(await auto.transcribe({ file } as never))?.target).toBe("a");
    expect(e.requests.at(-1)!.path).toBe("/openai/deployments/whisper/audio/transcriptions");
  });
});
