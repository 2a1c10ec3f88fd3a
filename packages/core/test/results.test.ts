import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { API_KEY, callBinary, callJson, chat, clientFor } from "./support/client.js";
import { json, startServer, type TestServer } from "./support/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe("results", () => {
  it("carry a non-enumerable _response with request id, status, headers, retryCount and raw", async () => {
    server.fallback(
      json(
        200,
        { id: "chatcmpl-1", choices: [] },
        { "x-request-id": "rid-1", "apim-request-id": "apim-1", "x-ms-region": "West US" },
      ),
    );
    const result = await callJson<{ id: string; choices: unknown[] }>(clientFor(server), chat);
    expect(result.id).toBe("chatcmpl-1");
    expect(JSON.stringify(result)).toBe('{"id":"chatcmpl-1","choices":[]}');
    expect(Object.keys(result)).not.toContain("_response");
    expect(inspect(result)).not.toContain(API_KEY);
    const info = result._response;
    expect(info.requestId).toBe("rid-1");
    expect(info.status).toBe(200);
    expect(info.headers.get("x-ms-region")).toBe("West US");
    expect(info.retryCount).toBe(0);
    expect("raw" in info).toBe(false);
  });

  it("fall back to apim-request-id", async () => {
    server.fallback(json(200, {}, { "apim-request-id": "apim-only" }));
    expect((await callJson(clientFor(server), chat))._response.requestId).toBe("apim-only");
  });

  it("have no request id when the service sent none", async () => {
    server.fallback(json(200, {}));
    expect((await callJson(clientFor(server), chat))._response.requestId).toBeUndefined();
  });

  it("count retries", async () => {
    server.script(
      json(500, {}, { "retry-after-ms": "1" }),
      json(503, {}, { "retry-after-ms": "1" }),
      json(200, {}, { "x-request-id": "third" }),
    );
    const result = await callJson(clientFor(server), chat);
    expect(result._response.retryCount).toBe(2);
    expect(result._response.requestId).toBe("third");
  });

  it("binary results carry bytes, content type and _response", async () => {
    const bytes = Buffer.from([0, 1, 2, 255, 254]);
    server.fallback((_req, res) => {
      res.writeHead(200, { "content-type": "audio/mpeg", "x-request-id": "rid-bin" });
      res.end(bytes);
    });
    const result = await callBinary(clientFor(server, { apiVersion: "2025-04-01-preview" }), {
      path: "audio/speech",
      deployment: "tts",
      body: { input: "hi" },
    });
    expect([...result.data]).toEqual([0, 1, 2, 255, 254]);
    expect(result.contentType).toBe("audio/mpeg");
    expect(result._response.requestId).toBe("rid-bin");
    expect(JSON.stringify(result)).not.toContain("_response");
  });
});
