import { createServer } from "node:net";
import { AudioClient } from "@aoai/audio";
import { ChatClient } from "@aoai/chat";
import { APIConnectionError, RateLimitError } from "@aoai/core";
import { type Emulator, startEmulator } from "@aoai/emulator";
import { afterEach, describe, expect, it } from "vitest";
import { AzureOpenAIRouter, type RouterEvent, type RouterTarget, routeOf } from "../src/index.js";

const MESSAGES = [{ role: "user" as const, content: "Hello" }];
const started: Emulator[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((e) => e.close()));
});

async function emulator(options: Parameters<typeof startEmulator>[0] = {}): Promise<Emulator> {
  const e = await startEmulator(options);
  started.push(e);
  return e;
}

function target(e: Emulator, name: string, extra: Partial<RouterTarget> = {}): RouterTarget {
  return { endpoint: e.url, deployment: "gpt-4o", apiKey: e.apiKey, name, ...extra };
}

/** A loopback port nothing listens on: connections to it are refused. */
async function deadEndpoint(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

const chatCalls = (e: Emulator) => e.requests.filter((r) => r.path.endsWith("/chat/completions")).length;

describe("AzureOpenAIRouter over emulators", () => {
  it("moves on from a throttled PTU to standard at once, and back to the PTU after its cooldown", async () => {
    const ptu = await emulator({ quotas: { "gpt-4o": { requestsPerMinute: 2 } }, quotaWindowMs: 4000 });
    const standard = await emulator();
    const events: RouterEvent[] = [];
    const router = new AzureOpenAIRouter({
      pools: {
        chat: [target(ptu, "ptu", { priority: 1 }), target(standard, "standard", { priority: 2 })],
        warm: [target(standard, "warm")],
      },
      // Rate-limit readings are not used here, so the PTU answers 429 itself.
      budgetMemoryMs: 0,
      onEvent: (e) => events.push(e),
    });
    // A first call loads the code, so the PTU's quota window is not spent on it.
    await new ChatClient(router, "warm").complete({ messages: MESSAGES });
    const chat = new ChatClient(router, "chat");
    expect(routeOf(await chat.complete({ messages: MESSAGES }))?.target).toBe("ptu");
    expect(routeOf(await chat.complete({ messages: MESSAGES }))?.target).toBe("ptu");
    const spilled = await chat.complete({ messages: MESSAGES });
    expect(routeOf(spilled)).toMatchObject({
      target: "standard",
      tried: [{ target: "ptu", outcome: "429" }],
    });
    expect(spilled._response.retryCount).toBe(0);
    const throttled = events.find((e) => e.type === "throttled");
    expect(throttled).toMatchObject({ pool: "chat", target: "ptu" });
    // Cooling down: the PTU is not asked again until its retry-after has passed.
    expect(routeOf(await chat.complete({ messages: MESSAGES }))).toMatchObject({
      target: "standard",
      tried: [],
    });
    expect(chatCalls(ptu)).toBe(3);
    await new Promise((r) => setTimeout(r, (throttled as { cooldownMs: number }).cooldownMs + 50));
    expect(routeOf(await chat.complete({ messages: MESSAGES }))?.target).toBe("ptu");
  });

  it("skips a target whose x-ratelimit-remaining-requests says it is about to throttle", async () => {
    const ptu = await emulator({ quotas: { "gpt-4o": { requestsPerMinute: 1 } }, quotaWindowMs: 60_000 });
    const standard = await emulator();
    const router = new AzureOpenAIRouter({
      pools: { chat: [target(ptu, "ptu", { priority: 1 }), target(standard, "standard", { priority: 2 })] },
    });
    const chat = new ChatClient(router, "chat");
    expect(routeOf(await chat.complete({ messages: MESSAGES }))?.target).toBe("ptu");
    expect(routeOf(await chat.complete({ messages: MESSAGES }))).toMatchObject({
      target: "standard",
      tried: [],
    });
    expect(chatCalls(ptu)).toBe(1);
  });

  it("fails over from a region that refuses connections and one that answers 503, with no failed call; the breaker trips and recovers", async () => {
    const dead = await deadEndpoint();
    const flaky = await emulator();
    const healthy = await emulator();
    flaky.faults.push({ kind: "status", status: 503, times: 2 });
    const events: RouterEvent[] = [];
    const router = new AzureOpenAIRouter({
      pools: {
        chat: [
          { endpoint: dead, deployment: "gpt-4o", apiKey: "k", name: "dead", priority: 1 },
          target(flaky, "flaky", { priority: 1 }),
          target(healthy, "healthy", { priority: 2 }),
        ],
      },
      breaker: { failures: 2, openMs: 1500 },
      random: () => 0,
      onEvent: (e) => events.push(e),
    });
    const chat = new ChatClient(router, "chat");
    const first = await chat.complete({ messages: MESSAGES });
    expect(routeOf(first)).toMatchObject({
      target: "healthy",
      tried: [
        { target: "dead", outcome: "ECONNREFUSED" },
        { target: "flaky", outcome: "503" },
      ],
    });
    // The 503 may have reached the service: it was retried under core's rules (one retry), elsewhere.
    expect(first._response.retryCount).toBe(1);
    for (let i = 0; i < 3; i++) expect((await chat.complete({ messages: MESSAGES })).choices).toHaveLength(1);
    const tripped = events.filter((e) => e.type === "tripped").map((e) => e.target);
    expect(tripped).toEqual(expect.arrayContaining(["dead", "flaky"]));
    // Open breakers keep both out: the healthy region takes the calls without trying them.
    expect(routeOf(await chat.complete({ messages: MESSAGES }))).toMatchObject({
      target: "healthy",
      tried: [],
    });
    // Past openMs a probe goes to the (now healed) flaky region, which closes its breaker.
    await new Promise((r) => setTimeout(r, 1550));
    const probes: string[] = [];
    for (let i = 0; i < 3; i++) probes.push(routeOf(await chat.complete({ messages: MESSAGES }))!.target);
    expect(probes).toContain("flaky");
    expect(events).toContainEqual({ type: "recovered", pool: "chat", target: "flaky" });
  });

  it("fails a stream over when it is cut before its first byte, and not after", async () => {
    const cut = await emulator();
    const good = await emulator();
    const router = new AzureOpenAIRouter({
      pools: { chat: [target(cut, "cut", { priority: 1 }), target(good, "good", { priority: 2 })] },
      breaker: { failures: 10 },
    });
    const chat = new ChatClient(router, "chat");
    cut.faults.push({ kind: "reset-mid-stream", after_chunks: 0 });
    const stream = await chat.stream({ messages: MESSAGES });
    const text: string[] = [];
    for await (const t of stream.textDeltas()) text.push(t);
    expect(text.join("")).not.toBe("");
    expect(routeOf(stream)).toMatchObject({ target: "good", tried: [{ target: "cut" }] });

    cut.faults.push({ kind: "reset-mid-stream", after_chunks: 2 });
    const before = chatCalls(good);
    const broken = await chat.stream({ messages: MESSAGES });
    expect(routeOf(broken)?.target).toBe("cut");
    await expect(
      (async () => {
        for await (const _ of broken.textDeltas());
      })(),
    ).rejects.toBeInstanceOf(APIConnectionError);
    expect(chatCalls(good)).toBe(before);
  });

  it("never sends a multipart body that cannot be replayed twice", async () => {
    const first = await emulator();
    const second = await emulator();
    const router = new AzureOpenAIRouter({
      pools: {
        stt: [
          { endpoint: first.url, deployment: "whisper", apiKey: first.apiKey, name: "first", priority: 1 },
          { endpoint: second.url, deployment: "whisper", apiKey: second.apiKey, name: "second", priority: 2 },
        ],
      },
      maxRetries: 0,
    });
    const audio = new AudioClient(router, "stt");
    first.faults.push({ kind: "status", status: 429, retry_after_ms: 50, times: 1 });
    const bytes = new Uint8Array(2048).fill(1);
    const once = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes);
        c.close();
      },
    });
    const error = await audio.transcribe({ file: once, filename: "a.wav" } as never).catch((e: unknown) => e);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(second.requests.filter((r) => r.path.includes("/audio/"))).toHaveLength(0);
    // A replayable body (bytes) moves on at once.
    first.faults.push({ kind: "status", status: 429, retry_after_ms: 50, times: 1 });
    await new Promise((r) => setTimeout(r, 60));
    const ok = await audio.transcribe({ file: new Blob([bytes], { type: "audio/wav" }) } as never);
    expect(routeOf(ok)).toMatchObject({ target: "second", tried: [{ target: "first", outcome: "429" }] });
  });

  it("sends the spillover header and reads back the serving deployment", async () => {
    const e = await emulator();
    const router = new AzureOpenAIRouter({
      pools: { chat: [target(e, "ptu", { spilloverDeployment: "gpt-4o-mini" })] },
    });
    const result = await new ChatClient(router, "chat").complete({ messages: MESSAGES });
    expect(e.requests.at(-1)?.headers["x-ms-spillover-deployment"]).toBe("gpt-4o-mini");
    expect(routeOf(result)?.target).toBe("ptu");
  });

  it("sends a gateway target's key in its own header, never as api-key", async () => {
    const e = await emulator({ apiKeys: ["emulator-key"] });
    const router = new AzureOpenAIRouter({
      pools: {
        chat: [target(e, "apim", { apiKey: "sub-key", apiKeyHeader: "Ocp-Apim-Subscription-Key" })],
      },
      maxRetries: 0,
    });
    await new ChatClient(router, "chat").complete({ messages: MESSAGES }).catch(() => undefined);
    const seen = e.requests.at(-1)!.headers;
    expect(seen["api-key"]).toBeUndefined();
    expect(seen["ocp-apim-subscription-key"]).toBeDefined();
  });

  it("sends each call where Azure serves it unless given a version, and its User-Agent token after the calling package's", async () => {
    const e = await emulator();
    const router = new AzureOpenAIRouter({ pools: { chat: [target(e, "a")] } });
    await new ChatClient(router, "chat").complete({ messages: MESSAGES });
    const seen = e.requests.at(-1)!;
    expect(seen.path).toBe("/openai/v1/chat/completions");
    expect(seen.headers["user-agent"]).toMatch(/ aoai-chat\/\S+ aoai-router\/\S+ /);
    const dated = new AzureOpenAIRouter({ pools: { chat: [target(e, "a")] }, apiVersion: "2024-06-01" });
    await new ChatClient(dated, "chat").complete({ messages: MESSAGES });
    expect(e.requests.at(-1)!.path).toBe("/openai/deployments/gpt-4o/chat/completions");
    expect(e.requests.at(-1)!.query["api-version"]).toBe("2024-06-01");
  });

  it("gives the caller the target's stream: abort() stops it while the target is silent", async () => {
    const e = await emulator();
    const router = new AzureOpenAIRouter({ pools: { chat: [target(e, "a")] }, streamIdleTimeout: 600_000 });
    // Frames a minute apart: only an abort that reaches the target's connection ends the read.
    e.faults.push({ kind: "slow-stream", chunk_delay_ms: 60_000 });
    const stream = await new ChatClient(router, "chat").stream({ messages: MESSAGES });
    const reading = (async () => {
      for await (const _ of stream);
    })();
    await new Promise((r) => setTimeout(r, 100));
    stream.abort();
    await expect(reading).rejects.toMatchObject({ name: "APIUserAbortError" });
  });

  it("refuses an unknown logical deployment before sending", async () => {
    const e = await emulator();
    const router = new AzureOpenAIRouter({ pools: { chat: [target(e, "a")] } });
    await expect(new ChatClient(router, "other").complete({ messages: MESSAGES })).rejects.toMatchObject({
      name: "RouterConfigError",
      param: "deployment",
    });
    expect(e.requests).toHaveLength(0);
  });
});
