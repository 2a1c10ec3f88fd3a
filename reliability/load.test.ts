import { ChatClient, type ChatCompletionCreateRequest } from "@aoai/chat";
import {
  AOAIError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  AzureOpenAIClient,
  InternalServerError,
  InvalidResponseError,
  RateLimitError,
} from "@aoai/core";
import { EmbeddingClient } from "@aoai/embeddings";
import { type Emulator, startEmulator } from "@aoai/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CALL_HEADER,
  type Fault,
  type FaultProxy,
  gatewayPage,
  mulberry32,
  type RetryHeaderForm,
  retryHeaders,
  startFaultProxy,
  startTrapServer,
  type TrapServer,
} from "./fault-proxy.js";
import {
  captureLogs,
  HungError,
  inspectAll,
  leakedSecret,
  pool,
  type ReadMode,
  readChatStream,
  SECRET_KEY,
  SECRET_TOKEN,
  withDeadline,
} from "./support.js";

// A few hundred seeded calls (chat complete, chat stream, embeddings) at bounded concurrency
// through the fault proxy, each with a plan of faults per attempt. Every call must end (none hangs)
// in the answer the emulator gives without faults, or in a typed AOAIError of the class its plan
// leads to; no call reaches the service more often than its retries allow; no secret shows in any
// result, stream, error or log line at verbose. RELIABILITY_SEED=<n> replays another seed.

const SEED = Number(process.env.RELIABILITY_SEED ?? 0x11a0ad);
const CALLS = 300;
const CONCURRENCY = 16;
const MAX_RETRIES = 2;
/** Per-call bound: a call still running after it has hung. */
const DEADLINE_MS = 12_000;
const CHAT = "gpt-4o";
const EMBED = "text-embedding-3-small";

type Op = "complete" | "stream" | "embed";
/** What an attempt's fault leads to: another attempt, the answer, or a terminal typed error. */
type Effect = "retry" | "ok" | Terminal;
interface Terminal {
  error: string;
  is: (e: unknown) => boolean;
}

interface Planned {
  fault: Fault;
  effect: Effect;
  /** For a transient fault: the error it leaves when no retry is left. */
  last?: Terminal;
}

const terminal = (name: string, is: (e: unknown) => boolean): Terminal => ({ error: name, is });
const apiStatus = (status: number) =>
  terminal(`APIError ${status}`, (e) => APIError.isInstance(e) && e.status === status);
const connection = terminal("APIConnectionError", (e) => APIConnectionError.isInstance(e));
const idle = terminal("APIConnectionTimeoutError", (e) => APIConnectionTimeoutError.isInstance(e));
const invalid = terminal("InvalidResponseError", (e) => InvalidResponseError.isInstance(e));
const rateLimited = terminal("RateLimitError", (e) => RateLimitError.isInstance(e));
const serverError = terminal("InternalServerError", (e) => InternalServerError.isInstance(e));
const timedOut = terminal("APIConnectionTimeoutError", (e) => APIConnectionTimeoutError.isInstance(e));
const connectionNotTimeout = terminal(
  "APIConnectionError (not a timeout)",
  (e) => APIConnectionError.isInstance(e) && !APIConnectionTimeoutError.isInstance(e),
);

let trapUrl = "";
const FORMS: RetryHeaderForm[] = [
  "retry-after-ms",
  "x-ms-retry-after-ms",
  "retry-after-ms",
  "retry-after-date",
];

/** The menu of faults for one attempt, with weights; `random` picks parameters. */
function menu(op: Op, random: () => number): [number, () => Planned][] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const stream = op === "stream";
  const status5xx = (): Planned => ({
    fault: { kind: "status", status: pick([500, 502, 503, 504]), headers: retryHeaders("retry-after-ms", 5) },
    effect: "retry",
    last: serverError,
  });
  const common: [number, () => Planned][] = [
    [30, () => ({ fault: { kind: "pass" }, effect: "ok" })],
    [6, () => ({ fault: { kind: "reset-before" }, effect: "retry", last: connectionNotTimeout })],
    [2, () => ({ fault: { kind: "stall-before-headers" }, effect: "retry", last: timedOut })],
    [
      8,
      () => {
        const form = pick(FORMS);
        return {
          fault: {
            kind: "status",
            status: 429,
            headers: retryHeaders(form, form === "retry-after-date" ? 900 : 20),
          },
          effect: "retry",
          last: rateLimited,
        };
      },
    ],
    [8, status5xx],
    [
      3,
      () => ({
        fault: { kind: "status", status: 502, body: gatewayPage(502, 3000), contentType: "text/html" },
        effect: "retry",
        last: serverError,
      }),
    ],
    [
      2,
      () => ({
        fault: { kind: "status", status: 429, headers: retryHeaders("retry-after", 30_000) },
        effect: rateLimited,
      }),
    ],
    [
      2,
      () => {
        const status = pick([301, 302, 307, 308] as const);
        return { fault: { kind: "redirect", status, to: `${trapUrl}/openai/x` }, effect: apiStatus(status) };
      },
    ],
    [1, () => ({ fault: { kind: "status", status: 400 }, effect: apiStatus(400) })],
  ];
  if (!stream) {
    return [
      ...common,
      [4, () => ({ fault: { kind: "reset-after-headers" }, effect: "retry", last: connectionNotTimeout })],
      [
        5,
        () => ({
          fault: { kind: "reset-mid-body", at: pick(["utf8", "line", "any"] as const) },
          effect: "retry",
          last: connectionNotTimeout,
        }),
      ],
      [2, () => ({ fault: { kind: "stall-mid-body" }, effect: "retry", last: timedOut })],
      [3, () => ({ fault: { kind: "truncate-json" }, effect: invalid })],
      [op === "complete" ? 3 : 1, () => ({ fault: { kind: "pass", oneByte: true }, effect: "ok" })],
      [
        1,
        () => ({
          fault: { kind: "status", status: 200, body: "<html>ok</html>", contentType: "text/html" },
          effect: invalid,
        }),
      ],
    ];
  }
  const inject = (raw: string, effect: Effect): Planned => ({
    fault: { kind: "inject", raw, afterEvents: 1 + Math.floor(random() * 3), thenStall: effect !== "ok" },
    effect,
  });
  return [
    ...common,
    [4, () => ({ fault: { kind: "pass", oneByte: true }, effect: "ok" })],
    [4, () => ({ fault: { kind: "pass", crlf: true }, effect: "ok" })],
    [2, () => ({ fault: { kind: "pass", crlf: true, oneByte: true }, effect: "ok" })],
    [2, () => ({ fault: { kind: "pass", gapMs: 5 }, effect: "ok" })],
    [3, () => ({ fault: { kind: "reset-after-headers" }, effect: connection })],
    [
      5,
      () => ({
        fault: {
          kind: "reset-mid-body",
          at: pick(["utf8", "line", "any"] as const),
          afterEvents: 1 + Math.floor(random() * 3),
        },
        effect: connection,
      }),
    ],
    [3, () => ({ fault: { kind: "close-before-done" }, effect: invalid })],
    [
      2,
      () => ({ fault: { kind: "stall-mid-body", afterEvents: 1 + Math.floor(random() * 3) }, effect: idle }),
    ],
    [4, () => inject(`data: ${pick(["null", "42", "[]", '"x"', "true"])}\n\n`, invalid)],
    [2, () => inject('data: {"choices":[{"delta":\n\n', invalid)],
    [2, () => inject('data: {"error":{"code":"429","message":"throttled in stream"}}\n\n', rateLimited)],
    [2, () => inject('data: {"id":"x","object":"chat.completion.chunk"}\n\n', "ok")],
  ];
}

function choose(entries: [number, () => Planned][], random: () => number): Planned {
  const total = entries.reduce((sum, [w]) => sum + w, 0);
  let r = random() * total;
  for (const [weight, make] of entries) {
    r -= weight;
    if (r < 0) return make();
  }
  return entries[0]![1]();
}

interface Call {
  index: number;
  id: string;
  op: Op;
  mode: ReadMode;
  credential: "key" | "token";
  plan: Planned[];
  /** "ok", or the terminal effect the plan leads to. */
  expected: "ok" | Terminal;
  marker: string;
}

/** The calls of the run, all decided up front from the seed (so a failure names a reproducible plan). */
function planCalls(): Call[] {
  const random = mulberry32(SEED);
  const calls: Call[] = [];
  for (let index = 0; index < CALLS; index++) {
    const r = random();
    const op: Op = r < 0.4 ? "complete" : r < 0.8 ? "stream" : "embed";
    const plan: Planned[] = [];
    // Up to four attempts' worth of faults; most calls get one, some a run of transient ones.
    for (let attempt = 0; attempt <= MAX_RETRIES + 1; attempt++) {
      const planned = choose(menu(op, random), random);
      plan.push(planned);
      if (planned.effect !== "retry" || random() < 0.6) break;
    }
    let expected: Call["expected"] = "ok";
    for (let attempt = 0; attempt <= MAX_RETRIES; attempt++) {
      const planned = plan[attempt];
      const effect = planned?.effect ?? "ok";
      if (effect === "retry") {
        if (attempt === MAX_RETRIES)
          expected = planned?.last ?? terminal("a typed error", (e) => AOAIError.isInstance(e));
        continue;
      }
      expected = effect;
      break;
    }
    calls.push({
      index,
      id: `load-${SEED}-${index}`,
      op,
      mode: (["iterate", "deltas", "final"] as const)[index % 3]!,
      credential: random() < 0.5 ? "key" : "token",
      plan,
      expected,
      marker: `m${index} héllo 👋 ${Math.floor(random() * 1e6)}`,
    });
  }
  return calls;
}

interface Outcome {
  call: Call;
  ok: boolean;
  value?: unknown;
  error?: unknown;
  retryCount: number | undefined;
  /** Everything the call handed back, for the secret check. */
  seen: unknown[];
}

let emulator: Emulator;
let proxy: FaultProxy;
let trap: TrapServer;

beforeAll(async () => {
  emulator = await startEmulator({ apiKeys: [SECRET_KEY], requestLogSize: 10 });
  proxy = await startFaultProxy({ target: emulator.url, seed: SEED });
  trap = await startTrapServer();
  trapUrl = trap.url;
  await (await fetch(`${trap.url}/probe`)).text();
  if (trap.requests.length !== 1) throw new Error("the redirect trap does not record requests");
  trap.clear();
});

afterAll(async () => {
  await proxy?.close();
  await trap?.close();
  await emulator?.close();
});

describe(`${CALLS} seeded mixed calls through the fault proxy (seed ${SEED}, ${CONCURRENCY} in flight)`, () => {
  it("every call ends in the fault-free answer or its typed error; no hang, no duplicate, no secret", async () => {
    const calls = planCalls();
    for (const call of calls)
      proxy.plan(
        call.id,
        call.plan.map((p) => p.fault),
      );
    const options = { maxRetries: MAX_RETRIES, timeout: 1500, streamIdleTimeout: 1500, maxRetryAfter: 2000 };
    const clients = {
      key: new AzureOpenAIClient({ endpoint: proxy.url, apiKey: SECRET_KEY, ...options }),
      token: new AzureOpenAIClient({ endpoint: proxy.url, tokenProvider: () => SECRET_TOKEN, ...options }),
    };
    const direct = new AzureOpenAIClient({ endpoint: emulator.url, apiKey: SECRET_KEY });

    const logs = await captureLogs("verbose");
    let outcomes: Outcome[];
    try {
      outcomes = await pool(calls, CONCURRENCY, (call) => run(call, clients[call.credential]));
    } finally {
      logs.restore();
    }

    // The reference answers, fault-free, straight from the emulator.
    const expected = await pool(calls, CONCURRENCY, (call) => reference(call, direct));

    const problems: string[] = [];
    const describeCall = (c: Call) =>
      `#${c.index} ${c.op}${c.op === "stream" ? `/${c.mode}` : ""} plan [${c.plan.map((p) => p.fault.kind).join(", ")}]`;
    for (const [i, outcome] of outcomes.entries()) {
      const { call } = outcome;
      const what = describeCall(call);
      const attempts = proxy.requestsOf(call.id).length;
      if (outcome.error instanceof HungError) {
        problems.push(`${what}: hung (${outcome.error.message})`);
        continue;
      }
      if (outcome.ok) {
        if (!sameAnswer(outcome.value, expected[i]))
          problems.push(`${what}: a result that is not the fault-free answer: ${short(outcome.value)}`);
        if (call.expected !== "ok") problems.push(`${what}: succeeded, expected ${call.expected.error}`);
      } else {
        if (!AOAIError.isInstance(outcome.error))
          problems.push(`${what}: an untyped error: ${short(outcome.error)}`);
        else if (call.expected === "ok")
          problems.push(`${what}: failed, expected the answer: ${short(outcome.error)}`);
        else if (!call.expected.is(outcome.error))
          problems.push(`${what}: expected ${call.expected.error}, got ${short(outcome.error)}`);
      }
      if (attempts < 1 || attempts > MAX_RETRIES + 1)
        problems.push(`${what}: reached the proxy ${attempts} times (at most ${MAX_RETRIES + 1})`);
      const { retryCount } = outcome;
      if (retryCount !== undefined) {
        if (retryCount > MAX_RETRIES) problems.push(`${what}: retryCount ${retryCount} > maxRetries`);
        if (attempts !== retryCount + 1)
          problems.push(`${what}: ${attempts} requests reached the proxy for retryCount ${retryCount}`);
      } else if (APIError.isInstance(outcome.error) || APIConnectionError.isInstance(outcome.error)) {
        problems.push(`${what}: ${(outcome.error as Error).name} without retryCount`);
      }
      for (const value of outcome.seen) {
        const secret = leakedSecret(inspectAll(value));
        if (secret)
          problems.push(`${what}: ${secret === SECRET_KEY ? "the api key" : "the token"} is reachable`);
      }
    }
    for (const line of logs.lines) {
      if (leakedSecret(line)) problems.push(`a log line holds a secret: ${line.slice(0, 200)}`);
    }
    if (trap.requests.length > 0)
      problems.push(`the redirect target was reached ${trap.requests.length} times`);

    expect(problems, `seed ${SEED}: ${problems.length} problems`).toEqual([]);

    // The run did what it set out to: many faults, both outcomes, logs captured, retries logged.
    const ok = outcomes.filter((o) => o.ok).length;
    expect(ok).toBeGreaterThan(CALLS / 3);
    expect(CALLS - ok).toBeGreaterThan(CALLS / 20);
    expect(outcomes.some((o) => (o.retryCount ?? 0) > 0)).toBe(true);
    expect(logs.lines.length).toBeGreaterThan(CALLS);
    expect(logs.lines.some((line) => /retr/i.test(line))).toBe(true);
    expect(proxy.requests.length).toBeGreaterThanOrEqual(CALLS);
  }, 60_000);
});

/** Runs one call to its end, bounded by the deadline; the request is aborted if it hangs. */
async function run(call: Call, client: AzureOpenAIClient): Promise<Outcome> {
  const controller = new AbortController();
  const seen: unknown[] = [];
  const options = { headers: { [CALL_HEADER]: call.id }, signal: controller.signal };
  const work = (async () => {
    if (call.op === "complete") {
      const result = await new ChatClient(client, CHAT).complete(chatRequest(call), options);
      seen.push(result, result._response);
      return { value: result.choices[0]?.message.content ?? null, retryCount: result._response.retryCount };
    }
    if (call.op === "stream") {
      const stream = await new ChatClient(client, CHAT).stream(chatRequest(call), options);
      seen.push(stream, stream._response);
      const content = await readChatStream(stream, call.mode);
      seen.push(stream, await stream.finalCompletion());
      return { value: content, retryCount: stream._response.retryCount };
    }
    const result = await new EmbeddingClient(client, EMBED).embed({ input: call.marker }, options);
    seen.push(result, result._response);
    return {
      value: Array.from(result.data[0]!.embedding as Float32Array),
      retryCount: result._response.retryCount,
    };
  })();
  try {
    const { value, retryCount } = await withDeadline(work, DEADLINE_MS, `call ${call.id}`);
    return { call, ok: true, value, retryCount, seen };
  } catch (error) {
    if (error instanceof HungError) controller.abort();
    seen.push(error);
    const retryCount = (error as { retryCount?: unknown } | null)?.retryCount;
    return {
      call,
      ok: false,
      error,
      retryCount: typeof retryCount === "number" ? retryCount : undefined,
      seen,
    };
  }
}

async function reference(call: Call, client: AzureOpenAIClient): Promise<unknown> {
  if (call.op === "embed") {
    const result = await new EmbeddingClient(client, EMBED).embed({ input: call.marker });
    return Array.from(result.data[0]!.embedding as Float32Array);
  }
  const result = await new ChatClient(client, CHAT).complete(chatRequest(call));
  return result.choices[0]?.message.content ?? null;
}

function chatRequest(call: Call): ChatCompletionCreateRequest {
  return { messages: [{ role: "user", content: call.marker }] };
}

function sameAnswer(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function short(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`.slice(0, 300);
  return inspectAll(value).slice(0, 300);
}

/** Maps `items` through `work` with at most `limit` in flight, keeping the order. */
