// The faults of the reliability review, one test each: every one ends in a typed error (or a
// correct result), before anything is sent where the input is bad, and no secret is reachable.
import { inspect } from "node:util";
import { AzureLogger, type AzureLogLevel, getLogLevel, setLogLevel } from "@azure/logger";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AOAIError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  InvalidInputError,
  InvalidResponseError,
  RateLimitError,
} from "../src/index.js";
import { byteStream, json, send, sse as sseReader } from "../src/internal.js";
import { API_KEY, callJson, callStream, chat, clientFor } from "./support/client.js";
import {
  destroySocket,
  json as jsonReply,
  type Reply,
  sse,
  startServer,
  type TestServer,
} from "./support/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const BEARER = "bearer-token-0123456789-SECRET";
const streamChat = { ...chat, body: { ...chat.body, stream: true } };

async function drain(stream: AsyncIterable<unknown>): Promise<unknown> {
  try {
    for await (const _ of stream);
  } catch (error) {
    return error;
  }
  return undefined;
}

/** Every string an object shows when inspected as deeply as Node can, getters and hidden fields included. */
const seen = (value: unknown) =>
  inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true, getters: true, showProxy: true });

describe("2. stream events that are JSON but not objects", () => {
  it.each(["null", "42", "[]", '"x"', "true"])(
    "data: %s is an InvalidResponseError and aborts the request",
    async (data) => {
      server.script(async (_req, res) => {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write(`data: {"n":1}\n\ndata: ${data}\n\n`);
      });
      const stream = await callStream(clientFor(server), streamChat);
      const error = await drain(stream);
      expect(error).toBeInstanceOf(InvalidResponseError);
      await server.requests[0]!.socketClosed;
    },
  );
});

describe("3. no secret is reachable from anything the SDK hands out", () => {
  it("results, streams (before, during and after reading), stream errors and the client", async () => {
    for (const auth of [{ apiKey: API_KEY }, { tokenProvider: () => BEARER }]) {
      const client = clientFor(server, auth);
      server.script(jsonReply(200, { id: "x" }, { "x-request-id": "rid" }));
      const result = await callJson(client, chat);
      server.script(sse('data: {"n":1}\n\ndata: {"n":2}\n\ndata: [DONE]\n\n'));
      const stream = await callStream(client, streamChat);
      const before = seen(stream);
      const it = stream[Symbol.asyncIterator]();
      await it.next();
      const during = seen(stream) + seen(it);
      await it.next();
      await it.next();
      server.script(sse('data: {"error":{"code":"429","message":"slow"}}\n\n'));
      const failed = await drain(await callStream(client, streamChat));
      server.script(jsonReply(500, { error: { message: "boom" } }));
      const httpError = await callJson(clientFor(server, { ...auth, maxRetries: 0 }), chat).catch(
        (e: unknown) => e,
      );
      server.script({ status: 200, headers: { "content-type": "audio/wav" }, body: "RIFF...." });
      const bytes = await send(client, { ...chat, body: {} }, byteStream);
      for (const text of [
        seen(result),
        before,
        during,
        seen(stream),
        seen(failed),
        seen(httpError),
        seen(bytes),
        seen(client),
      ]) {
        expect(text).not.toContain(API_KEY);
        expect(text).not.toContain(BEARER);
      }
      await bytes.bytes();
    }
  });

  it("a connection error carries no request, however deep", async () => {
    server.script(destroySocket);
    const error = await callJson(
      clientFor(server, { maxRetries: 0, tokenProvider: () => BEARER }),
      chat,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(seen(error)).not.toContain(BEARER);
  });
});

describe("4. a stalled stream", () => {
  const stall: Reply = async (_req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write('data: {"n":1}\n\n');
  };

  it("fails with APIConnectionTimeoutError after streamIdleTimeout, and the request is aborted", async () => {
    server.script(stall);
    const stream = await callStream(clientFor(server, { streamIdleTimeout: 150 }), streamChat);
    const started = Date.now();
    const error = await drain(stream);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toContain("streamIdleTimeout");
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    await server.requests[0]!.socketClosed;
  });

  it("the per-call value wins over the client's, and a slow reader is not idle", async () => {
    server.script(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      for (let i = 0; i < 3; i++) {
        res.write(`data: {"n":${i}}\n\n`);
        await new Promise((r) => setTimeout(r, 40));
      }
      res.end("data: [DONE]\n\n");
    });
    const client = clientFor(server, { streamIdleTimeout: 10 });
    const stream = await send(
      client,
      { ...streamChat, options: { streamIdleTimeout: 5000 } },
      sseReader<{ n: number }>(),
    );
    const got: number[] = [];
    for await (const e of stream) {
      got.push(e.n);
      await new Promise((r) => setTimeout(r, 100)); // the caller is slow, not the server
    }
    expect(got).toEqual([0, 1, 2]);
  });

  it("a stalled download fails the same way", async () => {
    server.script(async (_req, res) => {
      res.writeHead(200, { "content-type": "audio/mpeg" });
      res.write(Buffer.alloc(100));
    });
    const download = await send(clientFor(server, { streamIdleTimeout: 100 }), chat, byteStream);
    await expect(download.bytes()).rejects.toBeInstanceOf(APIConnectionTimeoutError);
  });

  it("a bad streamIdleTimeout is refused before sending", async () => {
    await expect(
      callStream(clientFor(server), { ...streamChat, options: { streamIdleTimeout: -1 } }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    expect(() => clientFor(server, { streamIdleTimeout: 0 })).toThrow(InvalidInputError);
    expect(server.requests).toHaveLength(0);
  });
});

describe("5. error frames inside a stream", () => {
  it('a data-only {"error":{"code":"429"}} frame is a RateLimitError', async () => {
    server.script(sse('data: {"error":{"code":"429","message":"Rate limit reached."}}\n\n'));
    const error = await drain(await callStream(clientFor(server), streamChat));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).message).toContain("Rate limit reached.");
  });

  it("event: error with plain-text data keeps the text", async () => {
    server.script(sse("event: error\ndata: The upstream model went away.\n\n"));
    const error = await drain(await callStream(clientFor(server), streamChat));
    expect(APIError.isInstance(error)).toBe(true);
    expect((error as APIError).status).toBe(500);
    expect((error as Error).message).toContain("The upstream model went away.");
  });
});

describe("6. a 200 that is not JSON", () => {
  it("says which content type came back", async () => {
    server.script({
      status: 200,
      headers: { "content-type": "text/html; charset=utf-8" },
      body: "<html>login</html>",
    });
    const error = await send(clientFor(server), chat, json()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain("text/html");
  });
});

describe("7. bad input is refused before anything is sent", () => {
  it.each([
    ["a token provider that returns an empty string", { tokenProvider: () => "" }, "credential"],
    ["a token with a line break", { tokenProvider: () => "abc\r\nx-injected: 1" }, "credential"],
    ["an api key that an AzureKeyCredential rotated to a line break", { apiKey: { key: "k\ny" } }, "apiKey"],
  ])("%s", async (_what, auth, param) => {
    const error = await callJson(clientFor(server, auth), chat).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).param).toBe(param);
    expect(server.requests).toHaveLength(0);
  });

  it("a control character in an api key, a default header or a per-call header", async () => {
    expect(() => clientFor(server, { apiKey: "key\r\nx: y" })).toThrow(InvalidInputError);
    expect(() => clientFor(server, { defaultHeaders: { "x-tenant": "a\nb" } })).toThrow(InvalidInputError);
    expect(() => clientFor(server, { defaultHeaders: { "bad name": "v" } })).toThrow(InvalidInputError);
    const error = await callJson(clientFor(server), {
      ...chat,
      options: { headers: { "x-trace": "a\u0000b" } },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toContain("x-trace");
    expect((error as Error).message).not.toContain("a\u0000b");
    expect(server.requests).toHaveLength(0);
  });

  it("a character no HTTP header can carry (beyond Latin-1, as a pasted '…' placeholder) in a key, a token or a header", async () => {
    // Node's http would throw a bare TypeError while sending, and browsers' fetch another one.
    expect(() => clientFor(server, { apiKey: "…" })).toThrow(InvalidInputError);
    expect(() => clientFor(server, { defaultHeaders: { "x-tenant": "caf\u00e9 \u2603" } })).toThrow(
      InvalidInputError,
    );
    // The User-Agent's prefix goes in a header too (x-ms-useragent in browsers).
    expect(() => clientFor(server, { userAgentPrefix: "my-app/1 \u2014 beta" })).toThrow(
      expect.objectContaining({ param: "userAgentPrefix" }),
    );
    expect(() => clientFor(server, { userAgentPrefix: "my-app/1.2 (team)" })).not.toThrow();
    for (const [auth, param] of [
      [{ apiKey: { key: "secret\u2026" } }, "apiKey"],
      [{ tokenProvider: () => "secret\u2014" }, "credential"],
    ] as const) {
      const error = await callJson(clientFor(server, auth), chat).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).param).toBe(param);
      expect((error as Error).message).not.toContain("secret");
    }
    const error = await callJson(clientFor(server), {
      ...chat,
      options: { headers: { "x-trace": "\u{1F600}" } },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(server.requests).toHaveLength(0);
    // Latin-1 and tabs are sendable: they pass.
    expect(() =>
      clientFor(server, { apiKey: "k\u00e9y", defaultHeaders: { "x-a": "a\tb\u00ff" } }),
    ).not.toThrow();
  });
});

describe("8. retries leave a trace", () => {
  let savedLevel: AzureLogLevel | undefined;
  let savedLog: typeof AzureLogger.log;
  let lines: string[];
  beforeEach(() => {
    savedLevel = getLogLevel();
    savedLog = AzureLogger.log;
    lines = [];
    AzureLogger.log = (...args: unknown[]) => {
      lines.push(args.map(String).join(" "));
    };
    setLogLevel("warning");
  });
  afterEach(() => {
    AzureLogger.log = savedLog;
    setLogLevel(savedLevel);
  });

  it("logs each retry with its cause, wait and attempt, and the error counts them", async () => {
    server.script(
      jsonReply(503, {}, { "x-request-id": "rid-503", "retry-after-ms": "5" }),
      destroySocket,
      destroySocket,
    );
    const error = await callJson(clientFor(server, { maxRetries: 2 }), chat).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as APIConnectionError).retryCount).toBe(2);
    const retries = lines.filter((l) => l.includes("Retry"));
    expect(retries).toHaveLength(2);
    expect(retries[0]).toMatch(/Retry 1\/2 in 5 ms after 503 \(request id rid-503\)/);
    expect(retries[1]).toMatch(/Retry 2\/2 in \d+ ms after socket hang up/);
    for (const line of lines) expect(line).not.toContain(API_KEY);
  });
});

it("every error above is an AOAIError", () => {
  expect(AOAIError.isInstance(new APIConnectionTimeoutError())).toBe(true);
});
