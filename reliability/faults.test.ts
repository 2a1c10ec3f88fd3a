import { ChatClient, type ChatCompletionCreateRequest } from "@aoai/chat";
import {
  type AdditionalPolicy,
  AOAIError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  AzureOpenAIClient,
  type AzureOpenAIClientOptions,
  GatewayTimeoutError,
  InternalServerError,
  InvalidInputError,
  InvalidResponseError,
  RateLimitError,
  type RequestOptions,
  RequestTooLargeError,
  ServiceUnavailableError,
} from "@aoai/core";
import { logger } from "@aoai/core/internal";
import { EmbeddingClient } from "@aoai/embeddings";
import { type Emulator, startEmulator } from "@aoai/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CALL_HEADER,
  type Fault,
  type FaultProxy,
  gatewayPage,
  type RetryHeaderForm,
  retryHeaders,
  type SeenRequest,
  startFaultProxy,
  startTrapServer,
  type TrapServer,
} from "./fault-proxy.js";
import {
  captureLogs,
  eventually,
  inspectAll,
  leakedSecret,
  type ReadMode,
  readChatStream,
  SECRET_KEY,
  SECRET_TOKEN,
  settle,
} from "./support.js";

// One focused test per fault kind: the exact outcome, a correct result (after retries where the
// SDK retries) or the specific typed error, for chat complete, chat stream and embeddings.

const CHAT = "gpt-4o";
const EMBED = "text-embedding-3-small";
const SEED = 0x5eed11;
const MODES = ["iterate", "deltas", "final"] as const;

let emulator: Emulator;
let proxy: FaultProxy;
let trap: TrapServer;
let direct: AzureOpenAIClient;

beforeAll(async () => {
  emulator = await startEmulator({ apiKeys: [SECRET_KEY] });
  proxy = await startFaultProxy({ target: emulator.url, seed: SEED });
  trap = await startTrapServer();
  direct = new AzureOpenAIClient({ endpoint: emulator.url, apiKey: SECRET_KEY });
  // The trap is reachable at its URL: a client that followed a redirect would be seen.
  await (await fetch(`${trap.url}/probe`)).text();
  if (trap.requests.length !== 1) throw new Error("the redirect trap does not record requests");
  trap.clear();
});

afterAll(async () => {
  await proxy?.close();
  await trap?.close();
  await emulator?.close();
});

type Credential = "key" | "token";

function client(options: Partial<AzureOpenAIClientOptions> = {}, credential: Credential = "key") {
  return new AzureOpenAIClient({
    endpoint: proxy.url,
    ...(credential === "key" ? { apiKey: SECRET_KEY } : { tokenProvider: () => SECRET_TOKEN }),
    maxRetries: 2,
    maxRetryAfter: 3000,
    ...options,
  });
}

let calls = 0;
/** A fresh call id with its faults planned, and the request options that carry it. */
function planned(
  faults: readonly Fault[],
  options: RequestOptions = {},
): { id: string; options: RequestOptions } {
  const id = `call-${++calls}`;
  proxy.plan(id, faults);
  return { id, options: { ...options, headers: { ...options.headers, [CALL_HEADER]: id } } };
}

const attemptsOf = (id: string) => proxy.requestsOf(id).length;

function chatRequest(id: string): ChatCompletionCreateRequest {
  return { messages: [{ role: "user", content: `${id}: héllo wörld 👋 ünïcödé ✓` }] };
}

/** What the emulator answers without faults: the reference every faulted call must match. */
async function expectedChat(id: string): Promise<string | null> {
  const completion = await new ChatClient(direct, CHAT).complete(chatRequest(id));
  return completion.choices[0]?.message.content ?? null;
}

async function expectedEmbedding(id: string): Promise<Float32Array> {
  const response = await new EmbeddingClient(direct, EMBED).embed({ input: `${id} ü 😀`, dimensions: 256 });
  return response.data[0]!.embedding as Float32Array;
}

/** No secret in anything the test got back, at any depth. */
function expectNoSecret(...values: unknown[]): void {
  for (const value of values) expect(leakedSecret(inspectAll(value))).toBeUndefined();
}

async function complete(faults: readonly Fault[], options: RequestOptions = {}, c = client()) {
  const call = planned(faults, options);
  const outcome = await settle(new ChatClient(c, CHAT).complete(chatRequest(call.id), call.options));
  expectNoSecret(outcome.ok ? outcome.value : outcome.error);
  if (outcome.ok) expectNoSecret(outcome.value._response);
  return { ...call, outcome, attempts: attemptsOf(call.id) };
}

async function stream(faults: readonly Fault[], mode: ReadMode, options: RequestOptions = {}, c = client()) {
  const call = planned(faults, options);
  let opened: unknown;
  const outcome = await settle(
    (async () => {
      const s = await new ChatClient(c, CHAT).stream(chatRequest(call.id), call.options);
      opened = s;
      expectNoSecret(s, s._response);
      const content = await readChatStream(s, mode);
      return { content, retryCount: s._response.retryCount };
    })(),
  );
  expectNoSecret(outcome.ok ? outcome.value : outcome.error, opened);
  return { ...call, outcome, attempts: attemptsOf(call.id) };
}

async function embed(faults: readonly Fault[], options: RequestOptions = {}, c = client()) {
  const call = planned(faults, options);
  const outcome = await settle(
    new EmbeddingClient(c, EMBED).embed({ input: `${call.id} ü 😀`, dimensions: 256 }, call.options),
  );
  expectNoSecret(outcome.ok ? outcome.value : outcome.error);
  return { ...call, outcome, attempts: attemptsOf(call.id) };
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

function resultOf<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`expected a result, got ${inspectAll(outcome.error).slice(0, 800)}`);
  return outcome.value;
}

function errorOf(outcome: Outcome<unknown>): Error & { retryCount?: number } {
  if (outcome.ok)
    throw new Error(`expected an error, got a result: ${inspectAll(outcome.value).slice(0, 400)}`);
  expect(
    AOAIError.isInstance(outcome.error),
    `not a typed error: ${inspectAll(outcome.error).slice(0, 800)}`,
  ).toBe(true);
  return outcome.error as Error & { retryCount?: number };
}

/** Asserts a correct chat result after `retries` retries. */
async function expectChatOk(
  pending: ReturnType<typeof complete> | Awaited<ReturnType<typeof complete>>,
  retries: number,
) {
  const result = await pending;
  const value = resultOf(result.outcome);
  expect(value.choices[0]?.message.content).toBe(await expectedChat(result.id));
  expect(value._response.retryCount).toBe(retries);
  expect(result.attempts).toBe(retries + 1);
}

async function expectStreamOk(
  pending: ReturnType<typeof stream> | Awaited<ReturnType<typeof stream>>,
  retries: number,
) {
  const result = await pending;
  const value = resultOf(result.outcome);
  expect(value.content).toBe(await expectedChat(result.id));
  expect(value.retryCount).toBe(retries);
  expect(result.attempts).toBe(retries + 1);
}

async function expectEmbedOk(
  pending: ReturnType<typeof embed> | Awaited<ReturnType<typeof embed>>,
  retries: number,
) {
  const result = await pending;
  const value = resultOf(result.outcome);
  expect(Array.from(value.data[0]!.embedding as Float32Array)).toEqual(
    Array.from(await expectedEmbedding(result.id)),
  );
  expect(value._response.retryCount).toBe(retries);
  expect(result.attempts).toBe(retries + 1);
}

describe("resets", () => {
  it("reset before any answer: complete, stream and embed are sent again and succeed", async () => {
    await Promise.all([
      expectChatOk(complete([{ kind: "reset-before" }]), 1),
      expectStreamOk(stream([{ kind: "reset-before" }], "iterate"), 1),
      expectEmbedOk(embed([{ kind: "reset-before" }]), 1),
    ]);
  });

  it("reset before any answer on every attempt: APIConnectionError carrying its retry count", async () => {
    const faults: Fault[] = [{ kind: "reset-before" }, { kind: "reset-before" }];
    for (const result of await Promise.all([
      complete(faults, { maxRetries: 1 }),
      stream(faults, "final", { maxRetries: 1 }),
      embed(faults, { maxRetries: 1 }),
    ])) {
      const error = errorOf(result.outcome);
      expect(error).toBeInstanceOf(APIConnectionError);
      expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
      expect(error.retryCount).toBe(1);
      expect(result.attempts).toBe(2);
    }
  });

  it("reset after the headers: a JSON answer is retried; a stream fails with APIConnectionError, not sent again", async () => {
    await Promise.all([
      expectChatOk(complete([{ kind: "reset-after-headers" }]), 1),
      expectEmbedOk(embed([{ kind: "reset-after-headers" }]), 1),
    ]);
    await Promise.all(
      MODES.map(async (mode) => {
        const result = await stream([{ kind: "reset-after-headers" }], mode);
        expect(errorOf(result.outcome)).toBeInstanceOf(APIConnectionError);
        expect(result.attempts).toBe(1);
      }),
    );
  });

  it("reset mid-body inside a UTF-8 character: JSON retried, stream APIConnectionError", async () => {
    await expectChatOk(complete([{ kind: "reset-mid-body", at: "utf8" }]), 1);
    await Promise.all(
      MODES.map(async (mode) => {
        const result = await stream([{ kind: "reset-mid-body", at: "utf8", afterEvents: 2 }], mode);
        expect(errorOf(result.outcome)).toBeInstanceOf(APIConnectionError);
        expect(result.attempts).toBe(1);
      }),
    );
  });

  it("reset mid-body inside a line: JSON retried, stream APIConnectionError", async () => {
    await Promise.all([
      expectChatOk(complete([{ kind: "reset-mid-body", at: "line" }]), 1),
      expectEmbedOk(embed([{ kind: "reset-mid-body", at: "line" }]), 1),
    ]);
    const result = await stream([{ kind: "reset-mid-body", at: "line", afterEvents: 1 }], "iterate");
    expect(errorOf(result.outcome)).toBeInstanceOf(APIConnectionError);
    expect(result.attempts).toBe(1);
  });
});

describe("clean close without [DONE]", () => {
  it.each(["iterate", "deltas", "final"] as const)(
    "a stream read by %s fails with InvalidResponseError",
    async (mode) => {
      const result = await stream([{ kind: "close-before-done" }], mode);
      const error = errorOf(result.outcome);
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(error.message).toContain("[DONE]");
      expect(result.attempts).toBe(1);
    },
  );
});

describe("stalls", () => {
  it("no answer at all: APIConnectionTimeoutError after the retries, every attempt abandoned", async () => {
    const faults: Fault[] = [{ kind: "stall-before-headers" }, { kind: "stall-before-headers" }];
    for (const result of await Promise.all([
      complete(faults, { timeout: 300, maxRetries: 1 }),
      stream(faults, "iterate", { timeout: 300, maxRetries: 1 }),
      embed(faults, { timeout: 300, maxRetries: 1 }),
    ])) {
      const error = errorOf(result.outcome);
      expect(error).toBeInstanceOf(APIConnectionTimeoutError);
      expect(error.retryCount).toBe(1);
      expect(result.attempts).toBe(2);
      expect(await eventually(() => proxy.requestsOf(result.id).every((r) => r.closedByClient))).toBe(true);
    }
  });

  it("no answer once: the retry succeeds", async () => {
    await Promise.all([
      expectChatOk(complete([{ kind: "stall-before-headers" }], { timeout: 800 }), 1),
      expectStreamOk(stream([{ kind: "stall-before-headers" }], "final", { timeout: 800 }), 1),
      expectEmbedOk(embed([{ kind: "stall-before-headers" }], { timeout: 800 }), 1),
    ]);
  });

  it("a JSON body that stops half way: the timeout covers the body, and the retry succeeds", async () => {
    await Promise.all([
      expectChatOk(complete([{ kind: "stall-mid-body" }], { timeout: 800 }), 1),
      expectEmbedOk(embed([{ kind: "stall-mid-body" }], { timeout: 800 }), 1),
    ]);
  });

  it.each(["iterate", "deltas", "final"] as const)(
    "a stream that stops after one event (read by %s) ends with APIConnectionTimeoutError after streamIdleTimeout (per call), and is aborted",
    async (mode) => {
      const result = await stream([{ kind: "stall-mid-body", afterEvents: 1 }], mode, {
        streamIdleTimeout: 300,
      });
      const error = errorOf(result.outcome);
      expect(error).toBeInstanceOf(APIConnectionTimeoutError);
      expect(result.attempts).toBe(1);
      expect(await eventually(() => proxy.requestsOf(result.id)[0]!.closedByClient)).toBe(true);
    },
  );

  it("streamIdleTimeout set on the client applies to its streams", async () => {
    const result = await stream(
      [{ kind: "stall-mid-body", afterEvents: 2 }],
      "iterate",
      {},
      client({ streamIdleTimeout: 300 }),
    );
    expect(errorOf(result.outcome)).toBeInstanceOf(APIConnectionTimeoutError);
    expect(await eventually(() => proxy.requestsOf(result.id)[0]!.closedByClient)).toBe(true);
  });

  it("neither `timeout` nor streamIdleTimeout cuts a slow stream that keeps sending", async () => {
    // Events 40 ms apart: the whole stream (about 20 events) takes longer than the 400 ms timeout, no gap comes near 1 s.
    const slow: Fault = { kind: "pass", gapMs: 40 };
    await expectStreamOk(stream([slow], "iterate", { timeout: 400, streamIdleTimeout: 1000 }), 0);
  });
});

describe("429 with each retry header form", () => {
  const forms: [RetryHeaderForm, number][] = [
    ["retry-after-ms", 150],
    ["x-ms-retry-after-ms", 150],
    ["retry-after", 1000],
    ["retry-after-date", 1500],
  ];

  it.concurrent.each(forms)("%s: waits as asked, then succeeds", async (form, ms) => {
    const result = await complete([{ kind: "status", status: 429, headers: retryHeaders(form, ms) }]);
    await expectChatOk(result, 1);
    const [first, seen] = proxy.requestsOf(result.id) as [SeenRequest, SeenRequest];
    // Only a lower bound (never flaky under load): the retry came no earlier than asked. An HTTP
    // date has whole seconds, so its wait can be up to a second shorter.
    const asked = form === "retry-after-date" ? ms - 1000 : ms;
    expect(seen.arrivedAt - first.answeredAt!).toBeGreaterThanOrEqual(asked - 5);
  });

  it("stream and embed honour retry-after-ms too", async () => {
    const fault: Fault = { kind: "status", status: 429, headers: retryHeaders("retry-after-ms", 20) };
    await Promise.all([expectStreamOk(stream([fault], "deltas"), 1), expectEmbedOk(embed([fault]), 1)]);
  });

  it("a wait beyond maxRetryAfter is not slept through: RateLimitError at once with retryAfterMs", async () => {
    const fault: Fault = { kind: "status", status: 429, headers: retryHeaders("retry-after", 30_000) };
    const result = await complete([fault]);
    const error = errorOf(result.outcome) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(30_000);
    expect(error.retryCount).toBe(0);
    expect(result.attempts).toBe(1);
  });
});

describe("5xx bursts", () => {
  const burst = (status: number, n: number): Fault[] =>
    Array.from(
      { length: n },
      () => ({ kind: "status", status, headers: retryHeaders("retry-after-ms", 10) }) as Fault,
    );

  it.each([500, 502, 503, 504])(
    "%i twice, then the answer: succeeds on the third attempt",
    async (status) => {
      await Promise.all([
        expectChatOk(complete(burst(status, 2)), 2),
        expectStreamOk(stream(burst(status, 2), "iterate"), 2),
        expectEmbedOk(embed(burst(status, 2)), 2),
      ]);
    },
  );

  it.each<[number, typeof InternalServerError]>([
    [500, InternalServerError],
    [502, InternalServerError],
    [503, ServiceUnavailableError],
    [504, GatewayTimeoutError],
  ])("%i three times: the typed error after maxRetries (2)", async (status, ErrorClass) => {
    for (const result of await Promise.all([
      complete(burst(status, 3)),
      stream(burst(status, 3), "final"),
      embed(burst(status, 3)),
    ])) {
      const error = errorOf(result.outcome) as APIError;
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error.status).toBe(status);
      expect(error.retryCount).toBe(2);
      expect(result.attempts).toBe(3);
    }
  });
});

describe("truncated and malformed answers", () => {
  it("a JSON body cut in half (framed as complete): InvalidResponseError, not retried", async () => {
    for (const result of await Promise.all([
      complete([{ kind: "truncate-json" }]),
      embed([{ kind: "truncate-json" }]),
    ])) {
      const error = errorOf(result.outcome);
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(result.attempts).toBe(1);
    }
  });

  const nonObjects = ["null", "42", "[]", '"x"', "true"];
  for (const data of nonObjects) {
    it.each(["iterate", "deltas", "final"] as const)(
      `a stream event \`data: ${data}\` read by %s: InvalidResponseError, and the request is aborted`,
      async (mode) => {
        const result = await stream(
          [{ kind: "inject", raw: `data: ${data}\n\n`, afterEvents: 2, thenStall: true }],
          mode,
        );
        expect(errorOf(result.outcome)).toBeInstanceOf(InvalidResponseError);
        expect(await eventually(() => proxy.requestsOf(result.id)[0]!.closedByClient)).toBe(true);
      },
    );
  }

  it.each([
    ["JSON cut short", 'data: {"choices":[{"delta":{"content":"x"\n\n'],
    ["not JSON", "data: hello there\n\n"],
    ["choices not a list", 'data: {"choices":5}\n\n'],
    ["a null choice", 'data: {"choices":[null]}\n\n'],
  ])("a malformed event (%s): InvalidResponseError, and the request is aborted", async (_name, raw) => {
    await Promise.all(
      MODES.map(async (mode) => {
        const result = await stream([{ kind: "inject", raw, afterEvents: 2, thenStall: true }], mode);
        expect(errorOf(result.outcome), mode).toBeInstanceOf(InvalidResponseError);
        expect(await eventually(() => proxy.requestsOf(result.id)[0]!.closedByClient)).toBe(true);
      }),
    );
  });

  it.each(["__proto__", "constructor"])(
    "a choice index of %j sets nothing on a built-in; the stream gives the answer or InvalidResponseError",
    async (index) => {
      const choice = {
        index,
        finish_reason: "stop",
        logprobs: {},
        content_filter_results: { hate: { filtered: true } },
      };
      const raw = `data: ${JSON.stringify({ choices: [choice] })}\n\n`;
      const polluted: string[] = [];
      for (const mode of MODES) {
        const result = await stream([{ kind: "inject", raw, afterEvents: 2 }], mode);
        for (const [name, target] of [
          ["Array.prototype", Array.prototype],
          ["Array", Array],
          ["Object.prototype", Object.prototype],
        ] as const) {
          for (const key of ["finish_reason", "logprobs", "content_filter_results"]) {
            if (!Object.hasOwn(target, key)) continue;
            polluted.push(`${mode}: ${name}.${key}`);
            delete (target as unknown as Record<string, unknown>)[key];
          }
        }
        if (result.outcome.ok) expect(result.outcome.value.content).toBe(await expectedChat(result.id));
        else expect(errorOf(result.outcome)).toBeInstanceOf(InvalidResponseError);
      }
      expect(polluted).toEqual([]);
    },
  );

  it("a chunk with no `choices` key: iterate, textDeltas and finalCompletion agree on the text", async () => {
    const raw = 'data: {"id":"chatcmpl-x","object":"chat.completion.chunk","created":1,"model":"m"}\n\n';
    await Promise.all(
      MODES.map(async (mode) => {
        await expectStreamOk(stream([{ kind: "inject", raw, afterEvents: 2 }], mode), 0);
      }),
    );
  });
});

describe("error frames inside a stream", () => {
  it("a data-only error frame with code 429 is a RateLimitError keeping the service's text", async () => {
    const raw = 'data: {"error":{"code":"429","message":"Requests to this deployment are throttled."}}\n\n';
    await Promise.all(
      MODES.map(async (mode) => {
        const result = await stream([{ kind: "inject", raw, afterEvents: 2, thenStall: true }], mode);
        const error = errorOf(result.outcome) as RateLimitError;
        expect(error).toBeInstanceOf(RateLimitError);
        expect(error.status).toBe(429);
        expect(error.message).toContain("Requests to this deployment are throttled.");
        expect(await eventually(() => proxy.requestsOf(result.id)[0]!.closedByClient)).toBe(true);
      }),
    );
  });

  it("`event: error` with plain-text data is a typed APIError keeping the text", async () => {
    const raw = "event: error\ndata: upstream model server went away\n\n";
    const result = await stream([{ kind: "inject", raw, afterEvents: 2, thenStall: true }], "iterate");
    const error = errorOf(result.outcome);
    expect(APIError.isInstance(error)).toBe(true);
    expect(error.message).toContain("upstream model server went away");
    expect(error.message).not.toMatch(/not valid JSON/i);
  });

  it("an error frame with a 5xx code keeps its status", async () => {
    const raw = 'data: {"error":{"code":"503","message":"The engine is currently overloaded."}}\n\n';
    const result = await stream([{ kind: "inject", raw, afterEvents: 2 }], "final");
    const error = errorOf(result.outcome) as APIError;
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toContain("overloaded");
  });
});

describe("chunking and line ends", () => {
  it("1-byte chunks: stream (every read mode), complete and embed give the fault-free answer", async () => {
    await Promise.all(
      MODES.map((mode) => expectStreamOk(stream([{ kind: "pass", oneByte: true }], mode), 0)),
    );
    await Promise.all([
      expectChatOk(complete([{ kind: "pass", oneByte: true }]), 0),
      expectEmbedOk(embed([{ kind: "pass", oneByte: true }]), 0),
    ]);
  });

  it("CRLF line ends, whole and in 1-byte chunks (splits inside CRLF): the fault-free answer", async () => {
    await Promise.all([
      expectStreamOk(stream([{ kind: "pass", crlf: true }], "iterate"), 0),
      expectStreamOk(stream([{ kind: "pass", crlf: true, oneByte: true }], "deltas"), 0),
    ]);
  });

  it("a cut inside a CRLF stream is still an APIConnectionError", async () => {
    const result = await stream(
      [{ kind: "reset-mid-body", at: "utf8", crlf: true, afterEvents: 2 }],
      "final",
    );
    expect(errorOf(result.outcome)).toBeInstanceOf(APIConnectionError);
  });
});

describe("redirects to another origin", () => {
  const cases: [number, string, string | undefined][] = [
    [307, "a JSON body", '{"choices":[],"data":[]}'],
    [302, "an HTML body", "<html><body>Moved</body></html>"],
    [301, "no body", ""],
    [308, "a JSON body", '{"id":"x"}'],
  ];

  it.each(cases)(
    "%i with %s: APIError naming the status and Location; the other origin sees nothing",
    async (status, _what, body) => {
      const to = `${trap.url}/openai/deployments/${CHAT}/chat/completions?api-version=2024-10-21`;
      const fault: Fault = {
        kind: "redirect",
        status: status as 301,
        to,
        body: body ?? "",
        contentType: body?.startsWith("<") ? "text/html" : "application/json",
      };
      for (const result of await Promise.all([
        complete([fault]),
        stream([fault], "iterate"),
        embed([fault]),
        complete([fault], {}, client({}, "token")),
      ])) {
        const error = errorOf(result.outcome) as APIError;
        expect(APIError.isInstance(error)).toBe(true);
        expect(error.status).toBe(status);
        expect(error.message).toContain(String(status));
        expect(error.message).toContain(to);
        expect(result.attempts).toBe(1);
      }
      expect(trap.requests).toEqual([]);
    },
  );
});

describe("gateway pages, content types, 413", () => {
  const page = gatewayPage(502, 4000, "gateway-page-end-marker");
  const html: Fault = { kind: "status", status: 502, body: page, contentType: "text/html" };

  it("a 502 HTML page: InternalServerError with a short plain message; the full body stays on the error", async () => {
    for (const result of await Promise.all([
      complete([html], { maxRetries: 0 }),
      stream([html], "iterate", { maxRetries: 0 }),
      embed([html], { maxRetries: 0 }),
    ])) {
      const error = errorOf(result.outcome) as APIError;
      expect(error).toBeInstanceOf(InternalServerError);
      expect(error.status).toBe(502);
      expect(error.message).toContain("502");
      expect(error.message.length).toBeLessThan(400);
      expect(error.message).not.toMatch(/<\/?[a-z!]/i);
      expect(error.body).toBe(page);
    }
  });

  it("a 502 HTML page once: retried, then the answer", async () => {
    await Promise.all([expectChatOk(complete([html]), 1), expectEmbedOk(embed([html]), 1)]);
  });

  it("a 200 that is an HTML page: InvalidResponseError naming the content type", async () => {
    const fault: Fault = { kind: "status", status: 200, body: page, contentType: "text/html; charset=utf-8" };
    for (const result of await Promise.all([complete([fault]), embed([fault])])) {
      const error = errorOf(result.outcome);
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(error.message).toContain("text/html");
      expect(result.attempts).toBe(1);
    }
    const streamed = await stream([fault], "iterate");
    expect(errorOf(streamed.outcome)).toBeInstanceOf(InvalidResponseError);
  });

  it("413: a typed error saying the body was too large", async () => {
    const fault: Fault = {
      kind: "status",
      status: 413,
      body: JSON.stringify({ error: { code: "RequestEntityTooLarge", message: "Request entity too large" } }),
    };
    const result = await complete([fault]);
    const error = errorOf(result.outcome) as APIError;
    expect(RequestTooLargeError.isInstance(error)).toBe(true);
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/too large/i);
    expect(result.attempts).toBe(1);
  });
});

describe("bad input is refused before anything is sent", () => {
  /** A call that must fail with a typed, non-HTTP error and leave no request at the proxy. */
  async function refused(make: () => AzureOpenAIClient, options: RequestOptions = {}) {
    const call = planned([], options);
    const outcome = await settle(
      (async () => new ChatClient(make(), CHAT).complete(chatRequest(call.id), call.options))(),
    );
    const error = errorOf(outcome);
    expect(APIError.isInstance(error)).toBe(false);
    expect(attemptsOf(call.id)).toBe(0);
    expectNoSecret(error);
    return error;
  }

  it("an impossible date as apiVersion", async () => {
    expect(await refused(() => client({ apiVersion: "2024-13-45" }))).toBeInstanceOf(InvalidInputError);
  });

  it("a token provider that returns an empty string", async () => {
    await refused(() => new AzureOpenAIClient({ endpoint: proxy.url, tokenProvider: () => "" }));
  });

  it.each([
    ["CR/LF in the api key", { apiKey: `${SECRET_KEY}\r\nx-injected: 1` }],
    ["a control character in the api key", { apiKey: `${SECRET_KEY}\u0007` }],
    ["CR/LF in a token", { tokenProvider: () => `${SECRET_TOKEN}\r\nx-injected: 1` }],
    ["CR/LF in a default header", { apiKey: SECRET_KEY, defaultHeaders: { "x-app": "a\r\nx-injected: 1" } }],
  ])("%s", async (_name, options) => {
    const error = await refused(() => new AzureOpenAIClient({ endpoint: proxy.url, ...options }));
    expect(error).not.toBeInstanceOf(TypeError);
  });

  it("CR/LF in a per-call header value", async () => {
    await refused(() => client(), { headers: { "x-app": "a\nx-injected: 1" } });
  });
});

describe("every error carries its retry count", () => {
  // One 503 first, so the error that ends the call comes after exactly one retry.
  const first: Fault = { kind: "status", status: 503, headers: retryHeaders("retry-after-ms", 5) };

  it.each<[string, Fault, (e: unknown) => boolean]>([
    [
      "a cut stream (APIConnectionError)",
      { kind: "reset-mid-body", at: "line", afterEvents: 2 },
      (e) => APIConnectionError.isInstance(e),
    ],
    [
      "a stalled stream (APIConnectionTimeoutError)",
      { kind: "stall-mid-body", afterEvents: 2 },
      (e) => APIConnectionTimeoutError.isInstance(e),
    ],
    [
      "an error frame in the stream (RateLimitError)",
      { kind: "inject", raw: 'data: {"error":{"code":"429","message":"throttled"}}\n\n', afterEvents: 2 },
      (e) => RateLimitError.isInstance(e),
    ],
    [
      "a non-object event (InvalidResponseError)",
      { kind: "inject", raw: "data: 42\n\n", afterEvents: 2 },
      (e) => InvalidResponseError.isInstance(e),
    ],
    [
      "a stream without [DONE] (InvalidResponseError)",
      { kind: "close-before-done" },
      (e) => InvalidResponseError.isInstance(e),
    ],
  ])("after one retry, %s has retryCount 1", async (_name, fault, is) => {
    // Only the stalled stream needs a short idle timeout; the others end by themselves.
    const idle = fault.kind === "stall-mid-body" ? { streamIdleTimeout: 300 } : {};
    const result = await stream([first, fault], "iterate", idle);
    const error = errorOf(result.outcome);
    expect(is(error)).toBe(true);
    expect(result.attempts).toBe(2);
    expect(error.retryCount).toBe(1);
  });

  it("after one retry, a truncated JSON answer (InvalidResponseError) has retryCount 1", async () => {
    for (const result of await Promise.all([
      complete([first, { kind: "truncate-json" }]),
      embed([first, { kind: "truncate-json" }]),
    ])) {
      const error = errorOf(result.outcome);
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(result.attempts).toBe(2);
      expect(error.retryCount).toBe(1);
    }
  });
});

describe("no secret is reachable, and retries leave a trace", () => {
  it("the logger this suite captures is the one core logs through", async () => {
    const logs = await captureLogs("verbose");
    try {
      expect(logger.info.enabled).toBe(true);
      expect(logger.warning.enabled).toBe(true);
    } finally {
      logs.restore();
    }
  });

  it("results, streams (before and after reading), errors and _response of both credentials show no secret", async () => {
    for (const credential of ["key", "token"] as const) {
      const c = client({ streamIdleTimeout: 600 }, credential);
      const chat = new ChatClient(c, CHAT);
      const ok = await chat.complete(chatRequest("secret-a"));
      const s = await chat.stream(chatRequest("secret-b"));
      expectNoSecret(ok, ok._response, s, s._response);
      await s.finalCompletion();
      expectNoSecret(s);
      // Errors of every family: HTTP, connection, timeout, invalid response, redirect.
      expect((await complete([{ kind: "status", status: 400 }], {}, c)).outcome.ok).toBe(false);
      expect((await complete([{ kind: "reset-before" }], { maxRetries: 0 }, c)).outcome.ok).toBe(false);
      expect(
        (await complete([{ kind: "stall-before-headers" }], { maxRetries: 0, timeout: 200 }, c)).outcome.ok,
      ).toBe(false);
      expect((await stream([{ kind: "stall-mid-body" }], "iterate", {}, c)).outcome.ok).toBe(false);
      expect((await stream([{ kind: "reset-mid-body", at: "line" }], "iterate", {}, c)).outcome.ok).toBe(
        false,
      );
      expect((await complete([{ kind: "truncate-json" }], {}, c)).outcome.ok).toBe(false);
      expect((await complete([{ kind: "redirect", status: 307, to: trap.url }], {}, c)).outcome.ok).toBe(
        false,
      );
    }
  });

  it("a retry is logged (status or cause, wait, attempt), and no log line at verbose holds a secret", async () => {
    const logs = await captureLogs("verbose");
    try {
      const status: Fault = { kind: "status", status: 503, headers: retryHeaders("retry-after-ms", 10) };
      await Promise.all([
        expectChatOk(complete([status]), 1),
        expectChatOk(complete([{ kind: "reset-before" }], {}, client({}, "token")), 1),
        expectStreamOk(stream([status], "iterate", {}, client({}, "token")), 1),
      ]);
      const retries = logs.lines.filter((line) => /retr/i.test(line));
      expect(
        retries.some((line) => line.includes("503") && /\b10 ?ms\b/.test(line) && /\b1\b/.test(line)),
      ).toBe(true);
      expect(retries.length).toBeGreaterThanOrEqual(3);
      for (const line of logs.lines) expect(leakedSecret(line), line).toBeUndefined();
    } finally {
      logs.restore();
    }
  });
});

describe("the last attempt's error is the one thrown", () => {
  it("a 503 burst seen through a policy that throws on status ends in ServiceUnavailableError, not APIConnectionError", async () => {
    // Azure SDK policies (and apps' own) throw a RestError carrying the response for a failed status.
    const throwing: AdditionalPolicy["policy"] = {
      name: "throwOnStatus",
      async sendRequest(request, next) {
        const response = await next(request);
        if (response.status >= 400)
          throw Object.assign(new Error(`status ${response.status}`), {
            name: "RestError",
            statusCode: response.status,
            request,
            response,
          });
        return response;
      },
    };
    const c = client({ policies: [{ policy: throwing, position: "perRetry" }] });
    const status: Fault = { kind: "status", status: 503, headers: retryHeaders("retry-after-ms", 5) };
    const result = await embed([status, status, status], {}, c);
    const error = errorOf(result.outcome) as APIError;
    expect(ServiceUnavailableError.isInstance(error), inspectAll(error).slice(0, 300)).toBe(true);
    expect(error.retryCount).toBe(2);
    expect(result.attempts).toBe(3);
  });
});
