import { AudioClient, createSpeech } from "@aoai/audio";
import { BatchClient, buildBatchInput } from "@aoai/batches";
import { CompletionsClient } from "@aoai/completions";
import { AOAIError, AzureOpenAIClient, type RequestOptions } from "@aoai/core";
import { type Emulator, startEmulator } from "@aoai/emulator";
import { FileClient } from "@aoai/files";
import { FineTuningClient } from "@aoai/fine-tuning";
import { ImageClient } from "@aoai/images";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CALL_HEADER,
  type Fault,
  type FaultProxy,
  gatewayPage,
  mulberry32,
  retryHeaders,
  startFaultProxy,
} from "./fault-proxy.js";
import {
  captureLogs,
  HungError,
  inspectAll,
  leakedSecret,
  pool,
  SECRET_KEY,
  withDeadline,
} from "./support.js";

// Seeded calls of every package but chat and embeddings (load.test.ts has those) through the fault
// proxy, each attempt with a fault from a menu: connections reset before the answer, after its
// headers, mid-body and after the service acted (the answer lost); stalls before and mid-body;
// 429, 503 and 500; truncated JSON and a web page where the body should be. The verdict for each
// call: it ends (no hang) in the fault-free answer or a typed AOAIError; it reaches the service at
// most maxRetries + 1 times; a create leaves at most one object, and exactly the one it returns
// when it succeeds (nothing duplicated or lost); a call whose faults all proved nothing was done
// succeeds; no secret shows in any result, error or log line. RELIABILITY_SEED=<n> replays another.

const SEED = Number(process.env.RELIABILITY_SEED ?? 0x9ac4a6e5);
const CALLS = 120;
const CONCURRENCY = 8;
const MAX_RETRIES = 2;
const DEADLINE_MS = 15_000;
const instant = { "x-aoai-emulator-time-scale": "0" };

type Kind =
  | "complete"
  | "stream"
  | "transcribe"
  | "speech"
  | "image"
  | "content"
  | "retrieve"
  | "upload"
  | "batch"
  | "job";
const CREATES: ReadonlySet<Kind> = new Set(["upload", "batch"]);

interface Call {
  index: number;
  id: string;
  kind: Kind;
  plan: Fault[];
  /** Every fault of the plan within the retries proves nothing was done: the call must succeed. */
  mustSucceed: boolean;
}

let emulator: Emulator;
let proxy: FaultProxy;
let client: AzureOpenAIClient;
let direct: AzureOpenAIClient;
let wav: Uint8Array;
let fileId: string;
let batchFile: string;
let jobId: string;

beforeAll(async () => {
  emulator = await startEmulator({ apiKeys: [SECRET_KEY], requestLogSize: 10 });
  proxy = await startFaultProxy({ target: emulator.url, seed: SEED });
  const options = { apiKey: SECRET_KEY, apiVersion: "2025-04-01-preview", maxRetries: MAX_RETRIES };
  client = new AzureOpenAIClient({
    endpoint: proxy.url,
    ...options,
    timeout: 1500,
    streamIdleTimeout: 1500,
    maxRetryAfter: 1000,
  });
  direct = new AzureOpenAIClient({ endpoint: emulator.url, ...options });
  wav = await (
    await createSpeech(new AudioClient(direct, "tts"), {
      input: "seven eight",
      voice: "alloy",
      response_format: "wav",
    })
  ).bytes();
  const files = new FileClient(direct);
  const fine = {
    file: new File(
      [
        `${JSON.stringify({
          messages: [
            { role: "user", content: "a" },
            { role: "assistant", content: "b" },
          ],
        })}\n`,
      ],
      "t.jsonl",
    ),
    purpose: "fine-tune" as const,
  };
  fileId = (
    await files.waitForProcessing((await files.upload(fine, { headers: instant })).id, { pollInterval: 5 })
  ).id;
  const input = buildBatchInput({
    endpoint: "/chat/completions",
    deployment: "gpt-4o-batch",
    requests: [{ custom_id: "a", body: { messages: [{ role: "user" as const, content: "hi" }] } }],
  });
  batchFile = (await files.upload({ file: input.file, purpose: "batch" }, { headers: instant })).id;
  await files.waitForProcessing(batchFile, { pollInterval: 5 });
  jobId = (
    await new FineTuningClient(direct).create({ model: "gpt-4o-mini-2024-07-18", training_file: fileId })
  ).id;
});

afterAll(async () => {
  await proxy?.close();
  await emulator?.close();
});

/** One call of `kind`; what it answers, reduced to text to compare with the fault-free answer. */
async function run(
  kind: Kind,
  c: AzureOpenAIClient,
  options: RequestOptions,
  marker: string,
): Promise<string> {
  switch (kind) {
    case "complete":
      return (
        await new CompletionsClient(c, "gpt-35-turbo-instruct").complete(
          { prompt: marker, max_tokens: 20 },
          options,
        )
      ).choices[0]!.text;
    case "stream": {
      const stream = await new CompletionsClient(c, "gpt-35-turbo-instruct").stream(
        { prompt: marker, max_tokens: 20 },
        options,
      );
      return (await stream.finalCompletion()).choices[0]!.text;
    }
    case "transcribe":
      return (await new AudioClient(c, "whisper").transcribe({ file: wav }, options)).text;
    case "speech": {
      const bytes = await (
        await createSpeech(
          new AudioClient(c, "tts"),
          { input: marker, voice: "alloy", response_format: "wav" },
          options,
        )
      ).bytes();
      return `${bytes.length}:${bytes.reduce((a: number, b: number) => (a * 31 + b) >>> 0, 7)}`;
    }
    case "image":
      return (
        await new ImageClient(c, "dall-e-3").generate(
          { prompt: marker, response_format: "b64_json" },
          options,
        )
      ).data[0]!.b64_json!.slice(0, 64);
    case "content":
      return new TextDecoder().decode(await (await new FileClient(c).content(fileId, options)).bytes());
    case "retrieve":
      return (await new FineTuningClient(c).retrieve(jobId, options)).training_file;
    case "upload":
      return (
        await new FileClient(c).upload(
          { file: new File(['{"a":1}\n'], `${marker}.jsonl`), purpose: "fine-tune" },
          { ...options, headers: { ...options.headers, ...instant } },
        )
      ).id;
    case "batch":
      return (
        await new BatchClient(c).create(
          { input_file_id: batchFile, endpoint: "/chat/completions", metadata: { marker } },
          { ...options, headers: { ...options.headers, ...instant } },
        )
      ).id;
    case "job":
      throw new Error("not planned");
  }
}

/** The ids of the objects `marker` made: files by name, batches by metadata. */
async function madeBy(kind: Kind, marker: string): Promise<string[]> {
  const ids: string[] = [];
  if (kind === "upload")
    for await (const f of new FileClient(direct).list()) if (f.filename === `${marker}.jsonl`) ids.push(f.id);
  if (kind === "batch")
    for await (const b of new BatchClient(direct).list()) if (b.metadata?.marker === marker) ids.push(b.id);
  return ids;
}

/** The menu of faults for one attempt, with weights, and whether the fault proves nothing was done. */
function menu(random: () => number): [number, () => { fault: Fault; harmless: boolean }][] {
  const wait = retryHeaders("retry-after-ms", 5);
  return [
    [30, () => ({ fault: { kind: "pass" }, harmless: true })],
    [6, () => ({ fault: { kind: "status", status: 429, headers: wait }, harmless: true })],
    [5, () => ({ fault: { kind: "status", status: 503, headers: wait }, harmless: true })],
    [3, () => ({ fault: { kind: "status", status: 500, headers: wait }, harmless: false })],
    [5, () => ({ fault: { kind: "reset-before" }, harmless: false })],
    [4, () => ({ fault: { kind: "reset-after-headers" }, harmless: false })],
    [
      5,
      () => ({
        fault: { kind: "reset-mid-body", at: (["utf8", "line", "any"] as const)[Math.floor(random() * 3)]! },
        harmless: false,
      }),
    ],
    [5, () => ({ fault: { kind: "lose-answer" }, harmless: false })],
    [2, () => ({ fault: { kind: "stall-before-headers" }, harmless: false })],
    [2, () => ({ fault: { kind: "stall-mid-body" }, harmless: false })],
    [2, () => ({ fault: { kind: "truncate-json" }, harmless: false })],
    [
      2,
      () => ({
        fault: { kind: "status", status: 200, body: gatewayPage(200, 800), contentType: "text/html" },
        harmless: false,
      }),
    ],
  ];
}

/** The entry at `point` of the weights' running total. */
function choose<T>(entries: [number, T][], point: number): T {
  let left = point;
  for (const [weight, entry] of entries) {
    left -= weight;
    if (left < 0) return entry;
  }
  return entries[0]![1];
}

function planCalls(): Call[] {
  const random = mulberry32(SEED);
  const kinds: Kind[] = [
    "complete",
    "stream",
    "transcribe",
    "speech",
    "image",
    "content",
    "retrieve",
    "upload",
    "batch",
  ];
  return Array.from({ length: CALLS }, (_, index) => {
    const kind = kinds[Math.floor(random() * kinds.length)]!;
    const entries = menu(random);
    const total = entries.reduce((sum, [w]) => sum + w, 0);
    const plan: Fault[] = [];
    let mustSucceed = true;
    for (let attempt = 0; attempt <= MAX_RETRIES; attempt++) {
      // The first calls open with each fault of the menu in turn, so every kind is exercised.
      const make =
        attempt === 0 && index < entries.length ? entries[index]![1] : choose(entries, random() * total);
      const { fault, harmless } = make();
      plan.push(fault);
      mustSucceed &&= harmless;
      if (fault.kind === "pass" || random() < 0.5) break;
    }
    // The last planned attempt fails too when retries run out: only then may a harmless plan fail.
    if (plan.length > MAX_RETRIES && plan.at(-1)!.kind !== "pass") mustSucceed = false;
    return { index, id: `pkg-${SEED}-${index}`, kind, plan, mustSucceed };
  });
}

describe(`${CALLS} seeded calls of every package through the fault proxy (seed ${SEED})`, () => {
  it("each ends in its fault-free answer or a typed error; nothing hung, duplicated, lost or leaked", async () => {
    const calls = planCalls();
    for (const call of calls) proxy.plan(call.id, call.plan);
    const logs = await captureLogs("verbose");
    let outcomes: { call: Call; value?: string; error?: unknown }[];
    try {
      outcomes = await pool(calls, CONCURRENCY, async (call) => {
        const options = { headers: { [CALL_HEADER]: call.id } };
        try {
          return {
            call,
            value: await withDeadline(run(call.kind, client, options, call.id), DEADLINE_MS, call.id),
          };
        } catch (error) {
          return { call, error };
        }
      });
    } finally {
      logs.restore();
    }

    const problems: string[] = [];
    for (const { call, value, error } of outcomes) {
      const what = `#${call.index} ${call.kind} [${call.plan.map((f) => f.kind).join(", ")}]`;
      const attempts = proxy.requestsOf(call.id).length;
      if (error instanceof HungError) {
        problems.push(`${what}: hung`);
        continue;
      }
      if (attempts > MAX_RETRIES + 1) problems.push(`${what}: ${attempts} attempts`);
      if (error !== undefined) {
        if (!AOAIError.isInstance(error))
          problems.push(`${what}: untyped ${inspectAll(error).slice(0, 200)}`);
        else if (call.mustSucceed)
          problems.push(
            `${what}: failed although nothing was done: ${(error as Error).message.slice(0, 300)}`,
          );
        if (leakedSecret(inspectAll(error))) problems.push(`${what}: a secret in the error`);
      }
      if (CREATES.has(call.kind)) {
        const made = await madeBy(call.kind, call.id);
        if (made.length > 1) problems.push(`${what}: ${made.length} objects made (duplicated)`);
        if (value !== undefined && (made.length !== 1 || made[0] !== value))
          problems.push(`${what}: answered ${value}, the service holds [${made.join(", ")}]`);
      } else if (value !== undefined) {
        const expected = await run(call.kind, direct, {}, call.id);
        if (value !== expected) problems.push(`${what}: answered something else than without faults`);
      }
    }
    const leaks = logs.lines.filter((line) => leakedSecret(line));
    if (leaks.length > 0) problems.push(`${leaks.length} log lines show a secret`);
    expect(problems).toEqual([]);
    // The run exercised what it claims: both outcomes, and every fault kind of the menu.
    expect(outcomes.filter((o) => o.value !== undefined).length).toBeGreaterThan(CALLS / 3);
    expect(outcomes.filter((o) => o.error !== undefined).length).toBeGreaterThan(5);
    const kinds = new Set(
      calls.map((c) => `${c.plan[0]!.kind} ${(c.plan[0] as { status?: number }).status ?? ""}`),
    );
    const random = mulberry32(SEED);
    expect(kinds.size).toBe(menu(random).length);
  }, 120_000);
});

describe("pages that loop", () => {
  it("a list whose pages come back to a cursor already seen ends in InvalidResponseError", async () => {
    const page = (ids: string[]) =>
      JSON.stringify({
        object: "list",
        data: ids.map((id) => ({ id, object: "file" })),
        has_more: true,
        first_id: ids[0],
        last_id: ids.at(-1),
      });
    const fault = (ids: string[]): Fault => ({ kind: "status", status: 200, body: page(ids) });
    const id = `pages-${SEED}`;
    proxy.plan(id, [
      fault(["a", "b"]),
      fault(["c", "d"]),
      fault(["a", "b"]),
      fault(["c", "d"]),
      fault(["a", "b"]),
    ]);
    const seen: string[] = [];
    const error = await withDeadline(
      (async () => {
        for await (const file of new FileClient(client).list({}, { headers: { [CALL_HEADER]: id } }))
          seen.push(file.id);
      })().catch((e: unknown) => e),
      DEADLINE_MS,
      "a looping list",
    );
    expect((error as Error).name).toBe("InvalidResponseError");
    expect(seen).toEqual(["a", "b", "c", "d", "a", "b"]);
    expect(proxy.requestsOf(id)).toHaveLength(3);
  });
});
