import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { APIError, APIUserAbortError, InvalidResponseError, isEmptyResult } from "../src/index.js";
import { byteStream, bytes, json, send, sse, text } from "../src/internal.js";
import { chat, clientFor } from "./support/client.js";
import { type Reply, startServer, type TestServer } from "./support/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const speech = { path: "audio/speech", deployment: "tts", body: { input: "hi", voice: "alloy" } };

/** Streams `count` chunks of `size` bytes (byte i of the body is i % 251), then ends unless told not to. */
function binary(count: number, size: number, end = true): Reply {
  return async (_req, res) => {
    res.writeHead(200, { "content-type": "audio/mpeg", "x-request-id": "rid-bin" });
    for (let c = 0; c < count; c++) {
      if (res.destroyed) return;
      res.write(Buffer.from(Array.from({ length: size }, (_, i) => (c * size + i) % 251)));
      await new Promise((r) => setTimeout(r, 2));
    }
    if (end) res.end();
  };
}

describe("text reader", () => {
  it.each([
    ["text/plain; charset=utf-8", "Hello, world."],
    ["text/vtt", "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHi\n"],
    ["application/x-subrip", "1\n00:00:00,000 --> 00:00:01,000\nHi\n"],
  ])("reads %s as text with its type and request id", async (type, body) => {
    server.script({ status: 200, headers: { "content-type": type, "x-request-id": "rid-t" }, body });
    const result = await send(clientFor(server), speech, text);
    expect(result.text).toBe(body);
    expect(result.contentType).toBe(type);
    expect(result._response.requestId).toBe("rid-t");
    expect(server.requests[0]!.headers.accept).toMatch(/^text\/plain/);
  });

  it("gives a content type even when the response has none: HTTP's default, a string always", async () => {
    const untyped: Reply = (_req, res) => {
      res.writeHead(200);
      res.end("Hi");
    };
    server.script(untyped);
    const result = await send(clientFor(server), speech, text);
    const type: string = result.contentType;
    expect(type).toBe("application/octet-stream");
    server.script(untyped);
    const whole = await send(clientFor(server), speech, bytes);
    expect(whole.contentType satisfies string).toBe("application/octet-stream");
    server.script(untyped);
    const stream = await send(clientFor(server), speech, byteStream);
    expect(stream.contentType satisfies string).toBe("application/octet-stream");
  });
});

describe("json reader", () => {
  it("says which content type came back when it is not JSON", async () => {
    server.script({ status: 200, headers: { "content-type": "text/html" }, body: "<html>hi</html>" });
    const error = await send(clientFor(server), chat, json()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain("text/html");
  });

  it.each(["[]", "42", "null", '"x"'])("refuses a body that is JSON but not an object: %s", async (body) => {
    server.script({ status: 200, headers: { "content-type": "application/json" }, body });
    await expect(send(clientFor(server), chat, json())).rejects.toBeInstanceOf(InvalidResponseError);
  });
});

describe("json reader on a success without a body", () => {
  const del = { path: "files/{file_id}", params: { file_id: "f1" }, method: "DELETE" as const };

  it.each([
    [204, ""],
    [200, ""],
    [202, "  \n"],
  ])("%i with body %j is an EmptyResult where the operation allows one", async (status, body) => {
    server.script({ status, headers: { "x-request-id": "rid-empty" }, body });
    const result = await send(clientFor(server), del, json<{ deleted: boolean }>({ empty: true }));
    expect(isEmptyResult(result)).toBe(true);
    expect(Object.keys(result)).toEqual([]);
    expect(result._response.status).toBe(status);
    expect(result._response.requestId).toBe("rid-empty");
  });

  it("a body is still read with { empty: true }", async () => {
    server.script({ status: 200, headers: { "content-type": "application/json" }, body: '{"deleted":true}' });
    const result = await send(clientFor(server), del, json<{ deleted: boolean }>({ empty: true }));
    expect(isEmptyResult(result)).toBe(false);
    expect(result).toEqual({ deleted: true });
  });

  it("is an InvalidResponseError naming the status where a body is required", async () => {
    server.script({ status: 204, body: "" });
    const error = await send(clientFor(server), chat, json()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toMatch(/\(204\) has no body/);
  });
});

describe("status outside 2xx", () => {
  it.each([301, 302, 307, 308])(
    "%i is a typed error naming the redirect, which is not followed",
    async (status) => {
      const other = await startServer();
      try {
        server.script({
          status,
          headers: { location: `${other.url}/elsewhere`, "content-type": "application/json" },
          body: '{"choices":[]}',
        });
        const error = await send(clientFor(server, { maxRetries: 0 }), chat, json()).catch((e: unknown) => e);
        expect(APIError.isInstance(error)).toBe(true);
        expect((error as APIError).status).toBe(status);
        expect((error as Error).message).toContain(`${other.url}/elsewhere`);
        expect(other.requests).toHaveLength(0);
      } finally {
        await other.close();
      }
    },
  );
});

describe("bytes reader", () => {
  it("reads a chunked binary body whole, byte for byte", async () => {
    server.script(binary(5, 1000));
    const result = await send(clientFor(server), speech, bytes);
    expect(result.data.byteLength).toBe(5000);
    expect(result.data.every((b, i) => b === i % 251)).toBe(true);
    expect(result.contentType).toBe("audio/mpeg");
    expect(result._response.requestId).toBe("rid-bin");
  });
});

describe("byteStream reader", () => {
  it("hands over the headers first, then the chunks as they arrive", async () => {
    server.script(binary(4, 500));
    const stream = await send(clientFor(server), speech, byteStream);
    expect(stream.contentType).toBe("audio/mpeg");
    expect(stream._response.requestId).toBe("rid-bin");
    let total = 0;
    for await (const chunk of stream) total += chunk.byteLength;
    expect(total).toBe(2000);
  });

  it("reads whole with bytes(), and only once", async () => {
    server.script(binary(3, 100));
    const stream = await send(clientFor(server), speech, byteStream);
    const data = await stream.bytes();
    expect(data.byteLength).toBe(300);
    await expect(stream.bytes()).rejects.toThrow(/once/);
  });

  it("types every bytes it hands out as Uint8Array<ArrayBuffer>, which a Blob and a transfer take", async () => {
    server.script(binary(3, 100));
    const chunks: Blob[] = [];
    for await (const chunk of await send(clientFor(server), speech, byteStream))
      chunks.push(new Blob([chunk]));
    server.script(binary(2, 100));
    const stream = (await send(clientFor(server), speech, byteStream)).toReadableStream();
    const parts: ArrayBuffer[] = [];
    for await (const chunk of stream) parts.push(chunk.buffer);
    expect(new Blob(chunks).size).toBe(300);
    expect(parts.reduce((n, b) => n + b.byteLength, 0)).toBeGreaterThanOrEqual(200);
  });

  it("aborts the request when the loop stops midway, so the download stops", async () => {
    server.script(binary(1000, 1000, false));
    const stream = await send(clientFor(server), speech, byteStream);
    let seen = 0;
    for await (const chunk of stream) {
      seen += chunk.byteLength;
      if (seen >= 3000) break;
    }
    await server.requests[0]!.socketClosed;
    expect(seen).toBeLessThan(1_000_000);
  });

  it("cancelling its web ReadableStream aborts the request", async () => {
    server.script(binary(1000, 1000, false));
    const stream = await send(clientFor(server), speech, byteStream);
    const reader = stream.toReadableStream().getReader();
    const first = await reader.read();
    expect(first.value?.byteLength).toBeGreaterThan(0);
    await reader.cancel();
    await server.requests[0]!.socketClosed;
  });

  it("the caller's abort midway ends the loop with APIUserAbortError", async () => {
    server.script(binary(1000, 1000, false));
    const controller = new AbortController();
    const stream = await send(
      clientFor(server),
      { ...speech, options: { signal: controller.signal } },
      byteStream,
    );
    const error = await (async () => {
      for await (const _ of stream) controller.abort();
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIUserAbortError);
    await server.requests[0]!.socketClosed;
  });
});

describe("sse reader: where a stream ends", () => {
  const events = 'data: {"type":"delta","n":1}\n\ndata: {"type":"done","n":2}\n\n';

  it('"eof": the end of the body is a clean end', async () => {
    server.script({ status: 200, headers: { "content-type": "text/event-stream" }, body: events });
    const stream = await send(clientFor(server), chat, sse<{ n: number }>("eof"));
    const seen: number[] = [];
    for await (const e of stream) seen.push(e.n);
    expect(seen).toEqual([1, 2]);
  });

  it("a terminal event ends it, even if the body goes on", async () => {
    server.script(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(`${events}data: {"type":"late","n":3}\n\n`);
    });
    const stream = await send(
      clientFor(server),
      chat,
      sse<{ type: string; n: number }>((e) => e.type === "done"),
    );
    const seen: number[] = [];
    for await (const e of stream) seen.push(e.n);
    expect(seen).toEqual([1, 2]);
  });

  it("a body that ends before the terminal event is an incomplete answer", async () => {
    server.script({ status: 200, headers: { "content-type": "text/event-stream" }, body: events });
    const stream = await send(
      clientFor(server),
      chat,
      sse<{ type: string }>((e) => e.type === "completed"),
    );
    const error = await (async () => {
      for await (const _ of stream);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain("final event");
  });

  it('"[DONE]" (the default) still requires its sentinel', async () => {
    server.script({ status: 200, headers: { "content-type": "text/event-stream" }, body: events });
    const stream = await send(clientFor(server), chat, sse());
    await expect(
      (async () => {
        for await (const _ of stream);
      })(),
    ).rejects.toThrow(/before \[DONE\]/);
  });
});

describe("a stream's own abort()", () => {
  it("ends a download that is being read with APIUserAbortError", async () => {
    server.script(binary(1000, 1000, false));
    const stream = await send(clientFor(server), speech, byteStream);
    const error = await (async () => {
      for await (const _ of stream) stream.abort();
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIUserAbortError);
  });

  it("ends an event stream that is being read with APIUserAbortError", async () => {
    server.script(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write('data: {"n":1}\n\n');
    });
    const stream = await send(clientFor(server), chat, sse());
    const error = await (async () => {
      for await (const _ of stream) setTimeout(() => stream.abort(), 5);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIUserAbortError);
  });
});
