import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_MAX_RETRIES } from "../src/defaults.js";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  BadRequestError,
  InternalServerError,
  RateLimitError,
} from "../src/index.js";
import { callJson, callStream, chat, clientFor } from "./support/client.js";
import { destroySocket, hang, json, type Reply, startServer, type TestServer } from "./support/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

/** A failing reply that asks for a 1 ms wait, so retries are fast over real timers. */
const failing = (status: number, headers: Record<string, string> = {}): Reply =>
  json(
    status,
    { error: { code: String(status), message: `status ${status}` } },
    { "retry-after-ms": "1", ...headers },
  );

describe("retries over loopback", () => {
  it("retries twice by default, then throws with retryCount", async () => {
    expect(DEFAULT_MAX_RETRIES).toBe(2);
    server.fallback(failing(500));
    const error = await callJson(clientFor(server), chat).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).retryCount).toBe(2);
    expect(server.requests).toHaveLength(3);
    // Every attempt sends the same request.
    expect(new Set(server.requests.map((r) => `${r.url} ${r.body}`)).size).toBe(1);
  });

  it("honours a per-client maxRetries", async () => {
    server.fallback(failing(503));
    await expect(callJson(clientFor(server, { maxRetries: 4 }), chat)).rejects.toBeInstanceOf(APIError);
    expect(server.requests).toHaveLength(5);
  });

  it("maxRetries 0 disables retries", async () => {
    server.fallback(failing(503));
    await expect(callJson(clientFor(server, { maxRetries: 0 }), chat)).rejects.toBeInstanceOf(APIError);
    expect(server.requests).toHaveLength(1);
  });

  it("a per-call maxRetries wins over the client's", async () => {
    server.fallback(failing(503));
    const client = clientFor(server, { maxRetries: 5 });
    await expect(callJson(client, { ...chat, options: { maxRetries: 0 } })).rejects.toBeInstanceOf(APIError);
    expect(server.requests).toHaveLength(1);
    server.reset();
    server.fallback(failing(503));
    await expect(callJson(client, { ...chat, options: { maxRetries: 1 } })).rejects.toBeInstanceOf(APIError);
    expect(server.requests).toHaveLength(2);
  });

  it.each([408, 409, 429, 500, 502, 503, 504])(
    "retries %i and reports retryCount on the result",
    async (status) => {
      server.script(failing(status), json(200, { ok: true }, { "x-request-id": "rid-ok" }));
      const result = await callJson<{ ok: boolean }>(clientFor(server), chat);
      expect(result.ok).toBe(true);
      expect(result._response.retryCount).toBe(1);
      expect(result._response.requestId).toBe("rid-ok");
      expect(server.requests).toHaveLength(2);
    },
  );

  it.each([400, 401, 403, 404, 422])("does not retry %i", async (status) => {
    server.fallback(failing(status));
    const error = await callJson(clientFor(server), chat).catch((e: unknown) => e);
    expect((error as APIError).status).toBe(status);
    expect((error as APIError).retryCount).toBe(0);
    expect(server.requests).toHaveLength(1);
  });

  it("x-should-retry: true retries a 400, false stops a 503", async () => {
    server.script(failing(400, { "x-should-retry": "true" }), json(200, {}));
    const result = await callJson(clientFor(server), chat);
    expect(result._response.retryCount).toBe(1);
    expect(server.requests).toHaveLength(2);

    server.reset();
    server.fallback(failing(503, { "x-should-retry": "false" }));
    await expect(callJson(clientFor(server), chat)).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
  });

  it("never resends a successful response, even with x-should-retry: true", async () => {
    server.script(
      json(200, { n: 1 }, { "x-should-retry": "true", "retry-after-ms": "1" }),
      json(200, { n: 2 }),
    );
    const result = await callJson<{ n: number }>(clientFor(server), chat);
    expect(result.n).toBe(1);
    expect(result._response.retryCount).toBe(0);
    expect(server.requests).toHaveLength(1);
  });

  it("retries a connection dropped in the middle of a JSON body", async () => {
    server.script(
      (_req, res) => {
        res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
        res.write('{"partial":', () => setTimeout(() => res.socket?.destroy(), 10));
      },
      json(200, { whole: true }),
    );
    const result = await callJson<{ whole: boolean }>(clientFor(server, { maxRetries: 1 }), chat);
    expect(result.whole).toBe(true);
    expect(result._response.retryCount).toBe(1);
    expect(server.requests).toHaveLength(2);
  });

  it("sleeps as long as retry-after-ms asks", async () => {
    server.script(failing(429, { "retry-after-ms": "150" }), json(200, {}));
    const start = performance.now();
    await callJson(clientFor(server), chat);
    expect(performance.now() - start).toBeGreaterThanOrEqual(140);
    expect(server.requests).toHaveLength(2);
  });

  it("throws RateLimitError with retryAfterMs at once when the wait exceeds maxRetryAfter", async () => {
    server.fallback(failing(429, { "retry-after-ms": "", "retry-after": "120", "x-request-id": "rid-429" }));
    const start = performance.now();
    const error = await callJson(clientFor(server), chat).catch((e: unknown) => e);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(120_000);
    expect((error as RateLimitError).requestId).toBe("rid-429");
    expect(server.requests).toHaveLength(1);
  });

  it("an abort during a retry wait rejects at once with APIUserAbortError", async () => {
    server.fallback(failing(429, { "retry-after-ms": "20000" }));
    const controller = new AbortController();
    const call = callJson(clientFor(server), { ...chat, options: { signal: controller.signal } });
    while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 20));
    const start = performance.now();
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(APIUserAbortError);
    expect(performance.now() - start).toBeLessThan(200);
    expect(server.requests).toHaveLength(1);
  });

  it("retries a dropped connection, then throws APIConnectionError", async () => {
    server.fallback(destroySocket);
    const error = await callJson(clientFor(server, { maxRetries: 1 }), chat).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
    expect(server.requests).toHaveLength(2);
  });

  it("recovers from a dropped connection", async () => {
    server.script(destroySocket, json(200, { fine: 1 }));
    const result = await callJson<{ fine: number }>(clientFor(server, { maxRetries: 1 }), chat);
    expect(result.fine).toBe(1);
    expect(result._response.retryCount).toBe(1);
  });

  it("times out an attempt with no answer, retries it, then throws APIConnectionTimeoutError", async () => {
    server.fallback(hang);
    const start = performance.now();
    const error = await callJson(clientFor(server, { maxRetries: 1, timeout: 60 }), chat).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(APIConnectionError.isInstance(error)).toBe(true);
    expect((error as APIConnectionTimeoutError).code).toBe("TIMEOUT");
    expect(server.requests).toHaveLength(2);
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it("covers the whole body of a JSON answer, but only the headers of a stream", async () => {
    const slowBody: Reply = async (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write('data: {"n":1}\n\n');
      await new Promise((r) => setTimeout(r, 250));
      res.end("data: [DONE]\n\n");
    };
    const client = clientFor(server, { maxRetries: 0, timeout: 100 });
    server.script(slowBody);
    await expect(callJson(client, chat)).rejects.toBeInstanceOf(APIConnectionTimeoutError);
    server.script(slowBody);
    const events: unknown[] = [];
    for await (const event of await callStream(client, chat)) events.push(event);
    expect(events).toEqual([{ n: 1 }]);
  });

  it("a per-call timeout wins over the client's", async () => {
    server.fallback(hang);
    const client = clientFor(server, { maxRetries: 0, timeout: 60_000 });
    const start = performance.now();
    await expect(callJson(client, { ...chat, options: { timeout: 50 } })).rejects.toBeInstanceOf(
      APIConnectionTimeoutError,
    );
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it("retries a stream request that fails before its headers", async () => {
    server.script(failing(503), {
      status: 200,
      headers: { "content-type": "text/event-stream" },
      body: 'data: {"n":1}\n\ndata: [DONE]\n\n',
    });
    const stream = await callStream<{ n: number }>(clientFor(server), {
      ...chat,
      body: { ...chat.body, stream: true },
    });
    expect(stream._response.retryCount).toBe(1);
    const events = [];
    for await (const event of stream) events.push(event);
    expect(events).toEqual([{ n: 1 }]);
  });

  it("does not retry a stream once it is handed over", async () => {
    server.fallback((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write('data: {"n":1}\n\n', () => setTimeout(() => res.destroy(), 20));
    });
    const stream = await callStream<{ n: number }>(clientFor(server), chat);
    const events: unknown[] = [];
    const error = await (async () => {
      for await (const event of stream) events.push(event);
    })().catch((e: unknown) => e);
    expect(events).toEqual([{ n: 1 }]);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(server.requests).toHaveLength(1);
  });

  it("a 400 is thrown as is, not after waiting", async () => {
    server.fallback(json(400, { error: { code: "bad", message: "nope" } }, { "retry-after": "30" }));
    const start = performance.now();
    await expect(callJson(clientFor(server), chat)).rejects.toBeInstanceOf(BadRequestError);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
