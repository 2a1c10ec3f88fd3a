import { inspect } from "node:util";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AOAIError,
  APIConnectionError,
  APIUserAbortError,
  ContentFilterError,
  type EventStream,
  InternalServerError,
  InvalidResponseError,
  RateLimitError,
} from "../src/index.js";
import { send, sse as sseReader } from "../src/internal.js";
import { API_KEY, callStream, chat, clientFor } from "./support/client.js";
import { type Reply, sse, startServer, type TestServer } from "./support/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const streamChat = { ...chat, body: { ...chat.body, stream: true } };

async function open<T = unknown>(reply: Reply, options = {}): Promise<EventStream<T>> {
  server.script(reply);
  return callStream<T>(clientFor(server, options), streamChat);
}

async function collect<T>(stream: AsyncIterable<T>): Promise<{ events: T[]; error: unknown }> {
  const events: T[] = [];
  try {
    for await (const event of stream) events.push(event);
  } catch (error) {
    return { events, error };
  }
  return { events, error: undefined };
}

/** Writes `parts` one by one with a short pause, so they arrive as separate chunks. */
function chunked(parts: (string | Buffer)[], end = true): Reply {
  return async (_req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream", "x-request-id": "rid-stream" });
    for (const part of parts) {
      res.write(part);
      await new Promise((r) => setTimeout(r, 2));
    }
    if (end) res.end();
  };
}

describe("EventStream over loopback", () => {
  it("yields parsed events until [DONE], with headers known up front", async () => {
    const stream = await open<{ n: number }>(
      sse('data: {"n":1}\n\n: keep-alive\n\ndata: {"n":2}\n\ndata: [DONE]\n\n', { "x-request-id": "rid-s" }),
    );
    expect(stream._response.requestId).toBe("rid-s");
    expect(stream._response.status).toBe(200);
    expect(server.requests[0]!.headers.accept).toBe("text/event-stream");
    const { events, error } = await collect(stream);
    expect(error).toBeUndefined();
    expect(events).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it("answers next() calls made without waiting, in order, across network reads", async () => {
    const stream = await open<{ n: number }>(
      chunked(['data: {"n":1}\n\ndata: {"n":2}\n\n', 'data: {"n":3}\n\n', "data: [DONE]\n\n"]),
    );
    const it = stream[Symbol.asyncIterator]();
    const results = await Promise.all([it.next(), it.next(), it.next(), it.next(), it.next()]);
    expect(results).toEqual([
      { done: false, value: { n: 1 } },
      { done: false, value: { n: 2 } },
      { done: false, value: { n: 3 } },
      { done: true, value: undefined },
      { done: true, value: undefined },
    ]);
  });

  it("after an error, further next() calls are done, as with a generator", async () => {
    const stream = await open(sse('data: {oops\n\ndata: {"n":1}\n\ndata: [DONE]\n\n'));
    const it = stream[Symbol.asyncIterator]();
    await expect(it.next()).rejects.toBeInstanceOf(InvalidResponseError);
    await expect(it.next()).resolves.toEqual({ done: true, value: undefined });
  });

  it("ignores anything after [DONE]", async () => {
    const { events, error } = await collect(
      await open(sse('data: {"n":1}\n\ndata: [DONE]\n\ndata: not json\n\n')),
    );
    expect(error).toBeUndefined();
    expect(events).toEqual([{ n: 1 }]);
  });

  it("stops at the terminal event of a function end: what follows in the same read is never parsed", async () => {
    // Events are parsed a network read at a time, ahead of the reader: an error after the
    // terminal event must stay unread, as it was when each event was parsed on its turn.
    server.script(
      sse('data: {"n":1}\n\ndata: {"n":2,"last":true}\n\ndata: {oops\n\nevent: error\ndata: {}\n\n'),
    );
    const stream = await send(
      clientFor(server),
      streamChat,
      sseReader<{ n: number; last?: boolean }>((event) => event.last === true),
    );
    const { events, error } = await collect(stream);
    expect(error).toBeUndefined();
    expect(events).toEqual([{ n: 1 }, { n: 2, last: true }]);
  });

  it("hands over the events before one that is not JSON when all came in one read", async () => {
    const { events, error } = await collect(
      await open(sse('data: {"n":1}\n\ndata: {"n":2}\n\ndata: {oops\n\ndata: {"n":4}\n\ndata: [DONE]\n\n')),
    );
    expect(events).toEqual([{ n: 1 }, { n: 2 }]);
    expect(error).toBeInstanceOf(InvalidResponseError);
  });

  it("decodes events and UTF-8 split across network chunks", async () => {
    const text = 'data: {"content":"héllo 👋"}\r\n\r\ndata: [DONE]\r\n\r\n';
    const bytes = Buffer.from(text, "utf8");
    const emoji = bytes.indexOf(Buffer.from("👋", "utf8"));
    const parts = [
      bytes.subarray(0, 5),
      bytes.subarray(5, emoji + 2),
      bytes.subarray(emoji + 2, bytes.length - 3),
      bytes.subarray(bytes.length - 3),
    ];
    const { events, error } = await collect(await open(chunked(parts)));
    expect(error).toBeUndefined();
    expect(events).toEqual([{ content: "héllo 👋" }]);
  });

  it("throws InvalidResponseError when the stream ends without [DONE]", async () => {
    const { events, error } = await collect(await open(chunked(['data: {"n":1}\n\n'])));
    expect(events).toEqual([{ n: 1 }]);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).requestId).toBe("rid-stream");
  });

  it("throws InvalidResponseError for an event that is not JSON", async () => {
    const { events, error } = await collect(
      await open(sse('data: {"n":1}\n\ndata: {oops\n\ndata: [DONE]\n\n')),
    );
    expect(events).toEqual([{ n: 1 }]);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).snippet).toBe("{oops");
  });

  it("throws a typed error for `event: error`", async () => {
    const { events, error } = await collect(
      await open(
        sse(
          'data: {"n":1}\n\nevent: error\ndata: {"code":"server_error","message":"The model crashed."}\n\n',
        ),
      ),
    );
    expect(events).toEqual([{ n: 1 }]);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).message).toContain("The model crashed.");
    expect((error as InternalServerError).code).toBe("server_error");
  });

  it("uses the status an error event carries", async () => {
    const { error } = await collect(
      await open(
        sse('event: error\ndata: {"error":{"code":"rate_limit_exceeded","message":"slow","status":429}}\n\n'),
      ),
    );
    expect(error).toBeInstanceOf(RateLimitError);
  });

  it('throws a typed error for a {"error": {...}} payload', async () => {
    const { error } = await collect(
      await open(
        sse(
          'data: {"error":{"code":"content_filter","message":"filtered","innererror":{"code":"ResponsibleAIPolicyViolation","content_filter_result":{"violence":{"filtered":true,"severity":"high"}}}}}\n\n',
          { "x-request-id": "rid-cf" },
        ),
      ),
    );
    expect(error).toBeInstanceOf(ContentFilterError);
    expect((error as ContentFilterError).filtered).toEqual(["violence"]);
    expect((error as ContentFilterError).requestId).toBe("rid-cf");
    expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(API_KEY);
  });

  it("a payload whose error is null is an ordinary event", async () => {
    const { events, error } = await collect(
      await open(sse('data: {"error":null,"n":1}\n\ndata: [DONE]\n\n')),
    );
    expect(error).toBeUndefined();
    expect(events).toEqual([{ error: null, n: 1 }]);
  });

  it("breaking out of the loop aborts the request", async () => {
    const stream = await open<{ n: number }>(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      for (let n = 0; !res.destroyed && n < 1000; n++) {
        res.write(`data: {"n":${n}}\n\n`);
        await new Promise((r) => setTimeout(r, 5));
      }
    });
    const seen: number[] = [];
    for await (const event of stream) {
      seen.push(event.n);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual([0, 1]);
    await expect(server.requests[0]!.socketClosed).resolves.toBeUndefined();
  });

  it("abort() stops the stream, closes the connection, and a read after it is APIUserAbortError", async () => {
    const stream = await open(chunked(['data: {"n":1}\n\n'], false));
    const iterator = stream[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual({ n: 1 });
    stream.abort();
    await expect(server.requests[0]!.socketClosed).resolves.toBeUndefined();
    await expect(iterator.next()).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it("the caller's signal aborts a stream in progress with APIUserAbortError", async () => {
    const controller = new AbortController();
    server.script(chunked(['data: {"n":1}\n\n'], false));
    const stream = await callStream(clientFor(server), {
      ...streamChat,
      options: { signal: controller.signal },
    });
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    controller.abort();
    await expect(iterator.next()).rejects.toBeInstanceOf(APIUserAbortError);
    await expect(server.requests[0]!.socketClosed).resolves.toBeUndefined();
  });

  it("a connection dropped mid-stream is an APIConnectionError", async () => {
    const { events, error } = await collect(
      await open((_req, res) => {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write('data: {"n":1}\n\n', () => setTimeout(() => res.socket?.destroy(), 10));
      }),
    );
    expect(events).toEqual([{ n: 1 }]);
    expect(error).toBeInstanceOf(APIConnectionError);
  });

  it("can be iterated only once", async () => {
    const stream = await open(sse("data: [DONE]\n\n"));
    await collect(stream);
    expect(() => stream[Symbol.asyncIterator]()).toThrow(AOAIError);
  });

  it("an HTTP error before the stream is thrown by callStream", async () => {
    server.script({
      status: 404,
      body: { error: { code: "DeploymentNotFound", message: "no such deployment" } },
    });
    await expect(callStream(clientFor(server), streamChat)).rejects.toMatchObject({
      status: 404,
      code: "DeploymentNotFound",
    });
  });

  it("keeps memory bounded over 200,000 events", async () => {
    const EVENTS = 200_000;
    const payload = "x".repeat(200);
    server.script(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      const batch = 2_000;
      for (let i = 0; i < EVENTS; i += batch) {
        let text = "";
        for (let j = i; j < i + batch; j++) text += `data: {"i":${j},"p":"${payload}"}\n\n`;
        if (!res.write(text)) await new Promise((r) => res.once("drain", r));
      }
      res.end("data: [DONE]\n\n");
    });
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const stream = await callStream<{ i: number; p: string }>(clientFor(server), streamChat);
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let count = 0;
    let last = -1;
    let peakGrowth = 0;
    const start = performance.now();
    for await (const event of stream) {
      if (event.i !== last + 1) throw new Error(`out of order: ${event.i} after ${last}`);
      last = event.i;
      count++;
      if (count % 50_000 === 0) {
        gc();
        peakGrowth = Math.max(peakGrowth, process.memoryUsage().heapUsed - baseline);
      }
    }
    expect(count).toBe(EVENTS);
    // About 46 MB went through; keeping it (or the parsed events) would show here.
    expect(peakGrowth).toBeLessThan(16 * 1024 * 1024);
    expect(performance.now() - start).toBeLessThan(5000);
  });
});
