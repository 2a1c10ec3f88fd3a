import {
  createHttpHeaders,
  createPipelineRequest,
  type HttpClient,
  type PipelineRequest,
  type PipelineResponse,
  RestError,
} from "@azure/core-rest-pipeline";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { callJson } from "../../test/support/client.js";
import { AzureOpenAIClient } from "../client.js";
import { InternalServerError, RateLimitError, ServiceUnavailableError } from "../errors/api-error.js";
import { APIUserAbortError } from "../errors/connection-errors.js";
import { type CallState, callStates } from "./call-state.js";
import { retryPolicy } from "./retry-policy.js";

type Scripted = { status: number; headers?: Record<string, string>; body?: string };

/** An in-memory HttpClient (this file tests timing, not the wire) that records send times. */
function scriptedClient(replies: Scripted[], fallback: Scripted = { status: 200, body: "{}" }) {
  const sent: number[] = [];
  const httpClient: HttpClient = {
    async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
      sent.push(Date.now());
      const reply = replies.shift() ?? fallback;
      return {
        request,
        status: reply.status,
        headers: createHttpHeaders(reply.headers),
        bodyAsText: reply.body ?? "{}",
      };
    },
  };
  return { httpClient, sent };
}

const chat = { path: "chat/completions", deployment: "d", body: {} };
const T0 = Date.parse("2025-01-01T00:00:00Z");

function makeClient(httpClient: HttpClient, options: { maxRetries?: number; maxRetryAfter?: number } = {}) {
  return new AzureOpenAIClient({
    endpoint: "https://res.openai.azure.com",
    apiKey: "k",
    httpClient,
    ...options,
  });
}

/** Settles `promise` into a value so it can be inspected without an unhandled rejection. */
function settle<T>(promise: Promise<T>) {
  const state: { done: boolean; value?: T; error?: unknown } = { done: false };
  promise.then(
    (value) => Object.assign(state, { done: true, value }),
    (error: unknown) => Object.assign(state, { done: true, error }),
  );
  return state;
}

describe("retry timing (fake timers)", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("backs off 0.5 s, 1 s, 2 s without jitter, then gives up", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const { httpClient, sent } = scriptedClient([], { status: 500 });
    const call = settle(callJson(makeClient(httpClient, { maxRetries: 3 }), chat));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(499);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1999);
    expect(sent).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(4);
    expect(call.done).toBe(true);
    expect(call.error).toBeInstanceOf(InternalServerError);
    expect((call.error as InternalServerError).retryCount).toBe(3);
    expect(sent.map((t) => t - T0)).toEqual([0, 500, 1500, 3500]);
  });

  it("applies up to 25 % jitter", async () => {
    vi.spyOn(Math, "random").mockReturnValue(1);
    const { httpClient, sent } = scriptedClient([{ status: 503 }]);
    const call = settle(callJson(makeClient(httpClient), chat));
    await vi.advanceTimersByTimeAsync(374);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(0);
    expect(call.value?._response.retryCount).toBe(1);
  });

  it.each<[string, Record<string, string>, number]>([
    ["retry-after-ms", { "retry-after-ms": "1234" }, 1234],
    ["x-ms-retry-after-ms", { "x-ms-retry-after-ms": "2345" }, 2345],
    ["retry-after seconds", { "retry-after": "3" }, 3000],
    ["retry-after HTTP date", { "retry-after": new Date(T0 + 7000).toUTCString() }, 7000],
    ["retry-after of 0", { "retry-after-ms": "0" }, 0],
  ])("waits exactly what %s asks", async (_name, headers, wait) => {
    const { httpClient, sent } = scriptedClient([{ status: 429, headers }]);
    const call = settle(callJson(makeClient(httpClient), chat));
    if (wait > 0) {
      await vi.advanceTimersByTimeAsync(wait - 1);
      expect(sent).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
    } else {
      await vi.advanceTimersByTimeAsync(0);
    }
    expect(sent).toHaveLength(2);
    expect(sent[1]! - sent[0]!).toBe(wait);
    await vi.advanceTimersByTimeAsync(0);
    expect(call.value?._response.retryCount).toBe(1);
  });

  it("throws a RateLimitError at once when the server asks to wait beyond maxRetryAfter (default 60 s)", async () => {
    const { httpClient, sent } = scriptedClient([
      {
        status: 429,
        headers: { "retry-after": "61", "x-request-id": "rid-1" },
        body: '{"error":{"code":"429","message":"slow down"}}',
      },
    ]);
    const call = settle(callJson(makeClient(httpClient), chat));
    await vi.advanceTimersByTimeAsync(0);
    expect(call.done).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    expect(sent).toHaveLength(1);
    const error = call.error as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(61_000);
    expect(error.retryCount).toBe(0);
    expect(error.requestId).toBe("rid-1");
    expect(error.message).toContain("slow down");
  });

  it("sleeps through a wait of exactly 60 s", async () => {
    const { httpClient, sent } = scriptedClient([{ status: 429, headers: { "retry-after": "60" } }]);
    const call = settle(callJson(makeClient(httpClient), chat));
    await vi.advanceTimersByTimeAsync(59_999);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(0);
    expect(call.value).toBeDefined();
  });

  it("uses a custom maxRetryAfter, for 503 too", async () => {
    const { httpClient, sent } = scriptedClient([{ status: 503, headers: { "retry-after-ms": "1500" } }]);
    const call = settle(callJson(makeClient(httpClient, { maxRetryAfter: 1000 }), chat));
    await vi.advanceTimersByTimeAsync(0);
    expect(call.error).toBeInstanceOf(ServiceUnavailableError);
    expect((call.error as ServiceUnavailableError).retryAfterMs).toBe(1500);
    expect(sent).toHaveLength(1);
  });

  it("a long wait on the last attempt still reports retryAfterMs", async () => {
    const { httpClient } = scriptedClient([{ status: 429, headers: { "retry-after": "120" } }]);
    const call = settle(callJson(makeClient(httpClient, { maxRetries: 0 }), chat));
    await vi.advanceTimersByTimeAsync(0);
    expect(call.error).toBeInstanceOf(RateLimitError);
    expect((call.error as RateLimitError).retryAfterMs).toBe(120_000);
  });

  it("an abort during a retry wait rejects at once with APIUserAbortError", async () => {
    const { httpClient, sent } = scriptedClient([], { status: 429, headers: { "retry-after": "30" } });
    const controller = new AbortController();
    const call = settle(
      callJson(makeClient(httpClient), { ...chat, options: { signal: controller.signal } }),
    );
    await vi.advanceTimersByTimeAsync(1000);
    expect(call.done).toBe(false);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(call.done).toBe(true);
    expect(call.error).toBeInstanceOf(APIUserAbortError);
    expect(sent).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("retryPolicy alone", () => {
  const ok = (
    request: PipelineRequest,
    status = 200,
    headers: Record<string, string> = {},
  ): PipelineResponse => ({
    request,
    status,
    headers: createHttpHeaders(headers),
  });
  function request(state: Partial<CallState> = {}): PipelineRequest {
    const req = createPipelineRequest({ url: "https://x" });
    callStates.set(req, {
      maxRetries: 2,
      maxRetryAfterMs: 60_000,
      timeoutMs: 0,
      replayable: true,
      retryUncertain: true,
      sentAt: 0,
      retryCount: 0,
      signal: undefined,
      ...state,
    });
    return req;
  }
  const policy = retryPolicy(() => 0);

  it("does not retry a request the SDK did not send (no call state)", async () => {
    let calls = 0;
    const req = createPipelineRequest({ url: "https://x" });
    const res = await policy.sendRequest(req, async (r) => {
      calls++;
      return ok(r, 503);
    });
    expect(res.status).toBe(503);
    expect(calls).toBe(1);
  });

  it("never sends a non-replayable request twice", async () => {
    let calls = 0;
    const res = await policy.sendRequest(request({ replayable: false }), async (r) => {
      calls++;
      return ok(r, 503, { "retry-after-ms": "0" });
    });
    expect(res.status).toBe(503);
    expect(calls).toBe(1);
  });

  it("rethrows errors that are not transport failures without retrying", async () => {
    let calls = 0;
    const boom = new TypeError("bug");
    await expect(
      policy.sendRequest(request(), async () => {
        calls++;
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(calls).toBe(1);
  });

  it("retries a RestError-shaped transport failure and counts the retry", async () => {
    vi.useFakeTimers();
    try {
      const req = request();
      let calls = 0;
      const pending = policy.sendRequest(req, async (r) => {
        calls++;
        if (calls === 1) throw new RestError("socket hang up", { code: "ECONNRESET", request: r });
        return ok(r);
      });
      await vi.advanceTimersByTimeAsync(500);
      const res = await pending;
      expect(res.status).toBe(200);
      expect(calls).toBe(2);
      expect(callStates.get(req)!.retryCount).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("treats a RestError that carries a response (a policy that throws on status) as that response", async () => {
    vi.useFakeTimers();
    try {
      let calls = 0;
      const req = request();
      const pending = policy.sendRequest(req, async (r) => {
        calls++;
        throw new RestError("Service Unavailable", { statusCode: 503, request: r, response: ok(r, 503) });
      });
      await vi.advanceTimersByTimeAsync(2000);
      // Retried as a 503 is, and the last attempt's answer is what comes back: not a connection error.
      expect((await pending).status).toBe(503);
      expect(calls).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
