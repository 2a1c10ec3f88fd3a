import {
  createDefaultHttpClient,
  type HttpClient,
  type PipelinePolicy,
  setClientRequestIdPolicy,
} from "@azure/core-rest-pipeline";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { APIUserAbortError, AzureOpenAIClient, VERSION } from "../src/index.js";
import { callJson, callStream, chat, clientFor } from "./support/client.js";
import { hang, json, startServer, type TestServer } from "./support/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe("cancellation", () => {
  it("an AbortSignal cancels an in-flight request with APIUserAbortError", async () => {
    server.fallback(hang);
    const controller = new AbortController();
    const call = callJson(clientFor(server, { timeout: 10_000 }), {
      ...chat,
      options: { signal: controller.signal },
    });
    while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 2));
    const start = performance.now();
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(APIUserAbortError);
    expect(performance.now() - start).toBeLessThan(500);
    await expect(server.requests[0]!.socketClosed).resolves.toBeUndefined();
    // Not retried.
    expect(server.requests).toHaveLength(1);
  });

  it("an abort while a JSON body arrives is APIUserAbortError, not a timeout, and not retried", async () => {
    server.fallback(async (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"partial":');
    });
    const controller = new AbortController();
    const call = callJson(clientFor(server, { timeout: 10_000, maxRetries: 2 }), {
      ...chat,
      options: { signal: controller.signal },
    });
    while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 2));
    await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(APIUserAbortError);
    await expect(server.requests[0]!.socketClosed).resolves.toBeUndefined();
    expect(server.requests).toHaveLength(1);
  });

  it("an already-aborted signal sends nothing", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      callJson(clientFor(server), { ...chat, options: { signal: controller.signal } }),
    ).rejects.toBeInstanceOf(APIUserAbortError);
    expect(server.requests).toHaveLength(0);
  });

  it("AbortSignal.timeout is a caller abort", async () => {
    server.fallback(hang);
    await expect(
      callJson(clientFor(server, { timeout: 10_000 }), {
        ...chat,
        options: { signal: AbortSignal.timeout(30) },
      }),
    ).rejects.toBeInstanceOf(APIUserAbortError);
  });
});

describe("headers", () => {
  it("per-call headers override the client's defaultHeaders", async () => {
    const client = clientFor(server, { defaultHeaders: { "x-team": "default", "x-keep": "kept" } });
    await callJson(client, { ...chat, options: { headers: { "X-Team": "per-call", "x-extra": "1" } } });
    const { headers } = server.requests[0]!;
    expect(headers["x-team"]).toBe("per-call");
    expect(headers["x-keep"]).toBe("kept");
    expect(headers["x-extra"]).toBe("1");
  });

  it("per-call headers cannot replace the credential", async () => {
    await callJson(clientFor(server, { apiKey: "real-key" }), {
      ...chat,
      options: { headers: { "api-key": "injected" } },
    });
    expect(server.requests[0]!.headers["api-key"]).toBe("real-key");
  });

  it("sends a User-Agent with aoai-core/<VERSION>, the feature token and the prefix", async () => {
    await callJson(clientFor(server, { userAgentPrefix: "my-app/1.2" }), {
      ...chat,
      userAgent: "aoai-chat/9.9.9",
    });
    const ua = server.requests[0]!.headers["user-agent"]!;
    expect(ua.startsWith(`my-app/1.2 aoai-core/${VERSION} aoai-chat/9.9.9 Node/`)).toBe(true);
    expect(ua).toContain(process.version);
  });

  it("the User-Agent has no empty parts without prefix or feature", async () => {
    await callJson(clientFor(server), chat);
    expect(server.requests[0]!.headers["user-agent"]).toMatch(
      new RegExp(`^aoai-core/${VERSION.replace(/\./g, "\\.")} Node/v\\d+`),
    );
  });

  it("sends accept for JSON calls", async () => {
    await callJson(clientFor(server), chat);
    expect(server.requests[0]!.headers.accept).toBe("application/json");
  });
});

describe("custom HTTP client and policies", () => {
  it("uses an injected HttpClient", async () => {
    const inner = createDefaultHttpClient();
    const urls: string[] = [];
    const httpClient: HttpClient = {
      sendRequest(request) {
        urls.push(request.url);
        return inner.sendRequest(request);
      },
    };
    server.fallback(json(200, { via: "custom" }));
    const result = await callJson<{ via: string }>(clientFor(server, { httpClient }), chat);
    expect(result.via).toBe("custom");
    expect(urls).toEqual([`${server.url}/openai/v1/chat/completions`]);
  });

  it("runs perCall policies once per call and perRetry policies on every attempt", async () => {
    const runs = { perCall: 0, perRetry: 0 };
    const counting = (name: keyof typeof runs): PipelinePolicy => ({
      name,
      sendRequest(request, next) {
        runs[name]++;
        request.headers.set(`x-${name.toLowerCase()}`, String(runs[name]));
        return next(request);
      },
    });
    server.script(
      json(503, {}, { "retry-after-ms": "1" }),
      json(500, {}, { "retry-after-ms": "1" }),
      json(200, {}),
    );
    const client = clientFor(server, {
      policies: [{ policy: counting("perCall") }, { policy: counting("perRetry"), position: "perRetry" }],
    });
    const result = await callJson(client, chat);
    expect(result._response.retryCount).toBe(2);
    expect(runs).toEqual({ perCall: 1, perRetry: 3 });
    expect(server.requests.map((r) => r.headers["x-percall"])).toEqual(["1", "1", "1"]);
    expect(server.requests.map((r) => r.headers["x-perretry"])).toEqual(["1", "2", "3"]);
  });

  it("takes core-rest-pipeline's own policies, which see a request id and the headers set so far", async () => {
    let seen: Record<string, string> = {};
    const peek: PipelinePolicy = {
      name: "peek",
      sendRequest(request, next) {
        seen = request.headers.toJSON();
        return next(request);
      },
    };
    server.script(json(200, {}));
    await callJson(
      clientFor(server, {
        policies: [{ policy: setClientRequestIdPolicy() }, { policy: peek, position: "perRetry" }],
      }),
      chat,
    );
    const id = server.requests[0]!.headers["x-ms-client-request-id"];
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // perRetry policies run before the credential is added.
    expect(seen).toMatchObject({ "x-ms-client-request-id": id, "content-type": "application/json" });
    expect(seen["api-key"]).toBeUndefined();
    expect(server.requests[0]!.headers["api-key"]).toBeDefined();
  });
});

describe("connection reuse", () => {
  it("sequential requests reuse one keep-alive socket", async () => {
    const client = clientFor(server);
    const before = server.connections;
    for (let i = 0; i < 5; i++) await callJson(client, chat);
    expect(server.requests).toHaveLength(5);
    expect(server.connections - before).toBe(1);
    expect(new Set(server.requests.map((r) => r.connection)).size).toBe(1);
  });

  it("streams read to [DONE] do not each cost a new connection", async () => {
    const sse = {
      status: 200,
      headers: { "content-type": "text/event-stream" },
      body: 'data: {"n":1}\n\ndata: [DONE]\n\n',
    };
    const STREAMS = 6;
    for (let i = 0; i < STREAMS; i++) server.script(sse);
    const client = clientFor(server);
    const before = server.connections;
    for (let i = 0; i < STREAMS; i++) {
      const events = await callStream(client, chat);
      for await (const _ of events) {
        // drain
      }
    }
    await callJson(client, chat);
    expect(server.requests).toHaveLength(STREAMS + 1);
    // The rest of a body after [DONE] drains in the background, so the next call may open a second
    // socket before the first is free again; but sockets are reused, not one per stream.
    expect(server.connections - before).toBeLessThanOrEqual(2);
  });
});

describe("client options validation", () => {
  it.each([
    ["maxRetries", -1],
    ["maxRetries", 1.5],
    ["timeout", 0],
    ["timeout", -5],
    ["maxRetryAfter", 0],
  ])("rejects %s = %d", (name, value) => {
    expect(() => new AzureOpenAIClient({ endpoint: server.url, apiKey: "k", [name]: value })).toThrow(
      new RegExp(name),
    );
  });

  it("rejects a bad per-call maxRetries or timeout before sending", async () => {
    const client = clientFor(server);
    await expect(callJson(client, { ...chat, options: { maxRetries: -1 } })).rejects.toThrow(/maxRetries/);
    await expect(callJson(client, { ...chat, options: { timeout: 0 } })).rejects.toThrow(/timeout/);
    expect(server.requests).toHaveLength(0);
  });
});
