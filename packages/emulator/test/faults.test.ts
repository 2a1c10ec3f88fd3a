import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, type Fault, startEmulator } from "../src/index.js";
import { deploymentUrl, postJson, sharedEmulator, sseData, USER_CHAT } from "./helpers.js";

// Header faults run against the shared emulator (as browser tests would); queue faults need the
// in-process object, so those use an emulator of their own.
const shared = sharedEmulator().url;
const chatUrl = (base: string) => deploymentUrl(base, "gpt-4o", "chat/completions");
const STREAM = { ...USER_CHAT, stream: true };
let counter = 0;
/** A fault header unique to this test, so `times` counters never collide across tests. */
const fault = (f: Fault) => ({
  "x-aoai-emulator-fault": JSON.stringify({ ...f, id: `faults-${++counter}-${Date.now()}` }),
});

/** Raw HTTP, so tests can see exactly how a response ends (fetch hides some of it). */
function rawPost(
  url: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<{ status: number; body: Buffer; error?: Error; contentLength?: string }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const req = request(
      url,
      {
        method: "POST",
        headers: { "api-key": "emulator-key", "content-type": "application/json", ...headers },
      },
      (res) => {
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode!,
            body: Buffer.concat(chunks),
            contentLength: res.headers["content-length"],
          }),
        );
        res.on("error", (error) =>
          resolve({
            status: res.statusCode!,
            body: Buffer.concat(chunks),
            error,
            contentLength: res.headers["content-length"],
          }),
        );
      },
    );
    req.on("error", (error) => resolve({ status: 0, body: Buffer.concat(chunks), error }));
    req.end(JSON.stringify(body));
  });
}

describe("faults from the x-aoai-emulator-fault header", () => {
  it("answers any status with headers, e.g. 429 with retry-after-ms", async () => {
    const { res, json } = await postJson(
      chatUrl(shared),
      USER_CHAT,
      fault({ kind: "status", status: 429, retry_after_ms: 250, retry_after: 1 }),
    );
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after-ms")).toBe("250");
    expect(res.headers.get("retry-after")).toBe("1");
    expect(res.headers.get("apim-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(json().error.code).toBe("429");
    expect(json().error.message).toMatch(/ChatCompletions_Create.*rate limit/);
  });

  it("answers 500, 503 and 504 with Azure-shaped bodies, or a custom body", async () => {
    for (const [status, code] of [
      [500, "InternalServerError"],
      [503, "ServiceUnavailable"],
      [504, "Timeout"],
    ] as const) {
      const { res, json } = await postJson(chatUrl(shared), USER_CHAT, fault({ kind: "status", status }));
      expect(res.status).toBe(status);
      expect(json().error.code).toBe(code);
    }
    const custom = await postJson(
      chatUrl(shared),
      USER_CHAT,
      fault({ kind: "status", status: 418, body: { teapot: true }, headers: { "x-custom": "1" } }),
    );
    expect(custom.res.status).toBe(418);
    expect(custom.res.headers.get("x-custom")).toBe("1");
    expect(custom.json()).toEqual({ teapot: true });
  });

  it("fails only the first `times` attempts, then succeeds", async () => {
    const headers = fault({ kind: "status", status: 503, times: 2 });
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await postJson(chatUrl(shared), USER_CHAT, headers)).res.status);
    expect(statuses).toEqual([503, 503, 200, 200]);
  });

  it("only affects the named operation", async () => {
    const headers = fault({ kind: "status", status: 500, operation: "embeddings" });
    expect((await postJson(chatUrl(shared), USER_CHAT, headers)).res.status).toBe(200);
    expect(
      (await postJson(deploymentUrl(shared, "text-embedding-3-small", "embeddings"), { input: "x" }, headers))
        .res.status,
    ).toBe(500);
  });

  it("resets the connection before the response", async () => {
    const result = await rawPost(chatUrl(shared), USER_CHAT, fault({ kind: "reset" }));
    expect(result.status).toBe(0);
    expect(result.error?.message).toMatch(/socket hang up|ECONNRESET/);
  });

  it("resets in the middle of a stream after N chunks", async () => {
    const result = await rawPost(
      chatUrl(shared),
      STREAM,
      fault({ kind: "reset-mid-stream", after_chunks: 3 }),
    );
    expect(result.status).toBe(200);
    expect(result.error).toBeDefined();
    expect(result.body.toString().split("\n\n").filter(Boolean)).toHaveLength(3);
  });

  it("delays the response", async () => {
    const started = performance.now();
    const { res } = await postJson(chatUrl(shared), USER_CHAT, fault({ kind: "delay", ms: 150 }));
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("paces stream chunks", async () => {
    const started = performance.now();
    const { text } = await postJson(
      chatUrl(shared),
      STREAM,
      fault({ kind: "slow-stream", chunk_delay_ms: 20 }),
    );
    const frames = sseData(text).length;
    expect(frames).toBeGreaterThan(5);
    expect(performance.now() - started).toBeGreaterThanOrEqual(frames * 20 * 0.9);
  });

  it("sends a malformed SSE data line", async () => {
    const { text } = await postJson(
      chatUrl(shared),
      STREAM,
      fault({ kind: "malformed-sse", after_chunks: 2 }),
    );
    const frames = text.split("\n\n").filter(Boolean);
    expect(() => JSON.parse(frames[2]!.slice(6))).toThrow();
    expect(() => JSON.parse(frames[1]!.slice(6))).not.toThrow();
  });

  it("sends an `event: error` and ends the stream without [DONE]", async () => {
    const { text } = await postJson(
      chatUrl(shared),
      STREAM,
      fault({ kind: "sse-error", after_chunks: 2, error: { error: { code: "boom", message: "x" } } }),
    );
    const frames = text.split("\n\n").filter(Boolean);
    expect(frames).toHaveLength(3);
    expect(frames[2]).toBe('event: error\ndata: {"error":{"code":"boom","message":"x"}}');
    expect(text).not.toContain("[DONE]");
  });

  it("truncates a JSON body: full Content-Length, then close", async () => {
    const result = await rawPost(chatUrl(shared), USER_CHAT, fault({ kind: "truncated-json" }));
    expect(result.status).toBe(200);
    expect(result.error?.message).toMatch(/aborted|ECONNRESET/);
    expect(result.body.length).toBeLessThan(Number(result.contentLength));
  });

  it("truncates a JSON body: half the JSON, well framed", async () => {
    const { res, text } = await postJson(
      chatUrl(shared),
      USER_CHAT,
      fault({ kind: "truncated-json", mode: "half" }),
    );
    expect(res.status).toBe(200);
    expect(text.startsWith('{"choices"')).toBe(true);
    expect(() => JSON.parse(text)).toThrow();
  });

  it("answers Azure's content-filter 400 with innererror", async () => {
    const { res, json } = await postJson(chatUrl(shared), USER_CHAT, fault({ kind: "content-filter" }));
    expect(res.status).toBe(400);
    const { error } = json();
    expect(error).toMatchObject({ code: "content_filter", param: "prompt", status: 400, type: null });
    expect(error.message).toMatch(
      /^The response was filtered due to the prompt triggering Azure OpenAI's content management policy/,
    );
    expect(error.innererror.code).toBe("ResponsibleAIPolicyViolation");
    expect(error.innererror.content_filter_result.jailbreak).toEqual({ filtered: true, detected: true });
    expect(error.innererror.content_filter_result.violence).toEqual({ filtered: true, severity: "medium" });
  });

  it("answers the newer content-filter 400 (innererror ContentFiltered, content_filters) when asked", async () => {
    const { res, json } = await postJson(
      chatUrl(shared),
      USER_CHAT,
      fault({ kind: "content-filter", shape: "content_filters" }),
    );
    expect(res.status).toBe(400);
    const { error } = json();
    expect(error).toMatchObject({
      code: "content_filter",
      param: "prompt",
      innererror: { code: "ContentFiltered" },
    });
    expect(error.content_filters).toHaveLength(1);
    expect(error.content_filters[0]).toMatchObject({ blocked: true, source_type: "prompt" });
    expect(error.content_filters[0].content_filter_results.jailbreak).toEqual({
      filtered: true,
      detected: true,
    });
  });

  it("rejects an invalid fault header with a 400", async () => {
    for (const value of [
      "not json",
      '{"kind":"explode"}',
      '{"kind":"status","status":99}',
      '{"kind":"delay","ms":-1}',
    ]) {
      const { res, json } = await postJson(chatUrl(shared), USER_CHAT, { "x-aoai-emulator-fault": value });
      expect(res.status, value).toBe(400);
      expect(json().error.code).toBe("InvalidEmulatorFault");
    }
  });
});

describe("faults from the programmatic queue", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.close());

  it("consumes one fault per matching request, in order", async () => {
    emulator.faults.push({ kind: "status", status: 500 });
    emulator.faults.push({ kind: "status", status: 429, retry_after_ms: 10 });
    expect(emulator.faults.size).toBe(2);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await postJson(chatUrl(emulator.url), USER_CHAT)).res.status);
    expect(statuses).toEqual([500, 429, 200]);
    expect(emulator.faults.size).toBe(0);
  });

  it("honours times and the operation filter", async () => {
    emulator.faults.push({ kind: "status", status: 503, times: 2, operation: "embeddings" });
    expect((await postJson(chatUrl(emulator.url), USER_CHAT)).res.status).toBe(200);
    const emb = deploymentUrl(emulator.url, "text-embedding-3-small", "embeddings");
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await postJson(emb, { input: "x" })).res.status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it("clear() drops queued faults; invalid faults throw", async () => {
    emulator.faults.push({ kind: "reset" });
    emulator.faults.clear();
    expect((await postJson(chatUrl(emulator.url), USER_CHAT)).res.status).toBe(200);
    expect(() => emulator.faults.push({ kind: "nope" } as never)).toThrow(/kind must be one of/);
  });
});
