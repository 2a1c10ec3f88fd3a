import { BatchClient, buildBatchInput } from "@aoai/batches";
import { ChatClient } from "@aoai/chat";
import {
  APIConnectionError,
  AzureOpenAIClient,
  CreateNotConfirmedError,
  InternalServerError,
  type RequestOptions,
} from "@aoai/core";
import { EmbeddingClient } from "@aoai/embeddings";
import { type Emulator, startEmulator } from "@aoai/emulator";
import { FileClient } from "@aoai/files";
import { FineTuningClient } from "@aoai/fine-tuning";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fault, type FaultProxy, planner, retryHeaders, startFaultProxy } from "./fault-proxy.js";
import { inspectAll, leakedSecret, SECRET_KEY, settle } from "./support.js";

// POSTs whose answer is lost after the service acted. A create that makes a lasting object (a
// stored file, a batch, a fine-tuning job) is never sent again after a failure that may have
// reached the service: it ends in CreateNotConfirmedError saying what to check, and the service
// holds exactly one object. Failures that prove nothing was done (429, 503) are still retried.
// Inference calls keep retrying by default; `retryUncertain: false` turns that off.

const instant = { "x-aoai-emulator-time-scale": "0" };
const fast = { pollInterval: 5, maxPollInterval: 20 };
let emulator: Emulator;
let proxy: FaultProxy;
let client: AzureOpenAIClient;
let direct: AzureOpenAIClient;
let trainingFile: string;
let batchFile: string;

beforeAll(async () => {
  emulator = await startEmulator({ apiKeys: [SECRET_KEY] });
  proxy = await startFaultProxy({ target: emulator.url, seed: 0xc4ea7e });
  const options = {
    apiKey: SECRET_KEY,
    apiVersion: "2025-04-01-preview",
    maxRetries: 2,
    maxRetryAfter: 1000,
  };
  client = new AzureOpenAIClient({ endpoint: proxy.url, ...options });
  direct = new AzureOpenAIClient({ endpoint: emulator.url, ...options });
  const files = new FileClient(direct);
  const training = await files.upload(
    {
      file: new File(
        [
          `${JSON.stringify({
            messages: [
              { role: "user", content: "hi" },
              { role: "assistant", content: "yo" },
            ],
          })}\n`,
        ],
        "t.jsonl",
      ),
      purpose: "fine-tune",
    },
    { headers: instant },
  );
  trainingFile = (await files.waitForProcessing(training.id, fast)).id;
  const input = buildBatchInput({
    endpoint: "/chat/completions",
    deployment: "gpt-4o-batch",
    requests: [{ custom_id: "a", body: { messages: [{ role: "user" as const, content: "hi" }] } }],
  });
  const uploaded = await files.upload({ file: input.file, purpose: "batch" }, { headers: instant });
  batchFile = (await files.waitForProcessing(uploaded.id, fast)).id;
});

afterAll(async () => {
  await proxy?.close();
  await emulator?.close();
});

const plan = planner<RequestOptions>(() => proxy, "create");
/** A planned call whose objects the emulator runs at once. */
const planned = (faults: readonly Fault[], options: RequestOptions = {}) =>
  plan(faults, { ...options, headers: { ...instant, ...options.headers } });

/** Runs `create` with `faults` and returns its outcome and how many objects it left (by `count`). */
async function created(
  faults: readonly Fault[],
  create: (options: RequestOptions) => Promise<unknown>,
  count: () => Promise<number>,
) {
  const before = await count();
  const call = planned(faults);
  const outcome = await settle(create(call.options));
  return { outcome, attempts: proxy.requestsOf(call.id).length, made: (await count()) - before };
}

async function countOf<T>(pages: AsyncIterable<T>): Promise<number> {
  let n = 0;
  for await (const _ of pages) n++;
  return n;
}

const lost: Fault = { kind: "lose-answer" };
const files = () => new FileClient(client);
const upload = (options: RequestOptions) =>
  files().upload({ file: new File(['{"a":1}\n'], "data.jsonl"), purpose: "fine-tune" }, options);
const countFiles = () => countOf(new FileClient(direct).list());
const createBatch = (options: RequestOptions) =>
  new BatchClient(client).create({ input_file_id: batchFile, endpoint: "/chat/completions" }, options);
const countBatches = () => countOf(new BatchClient(direct).list());
const createJob = (options: RequestOptions) =>
  new FineTuningClient(client).create(
    { model: "gpt-4o-mini-2024-07-18", training_file: trainingFile },
    options,
  );
const countJobs = () => countOf(new FineTuningClient(direct).list());

function expectNotConfirmed(
  outcome: Awaited<ReturnType<typeof settle>>,
  what: RegExp,
): CreateNotConfirmedError {
  expect(outcome.ok, "a create whose answer was lost passed as a success").toBe(false);
  const error = (outcome as { error: unknown }).error;
  expect(CreateNotConfirmedError.isInstance(error), inspectAll(error).slice(0, 600)).toBe(true);
  expect((error as Error).message).toMatch(what);
  expect(leakedSecret(inspectAll(error))).toBeUndefined();
  return error as CreateNotConfirmedError;
}

describe("a create whose answer is lost after the service acted", () => {
  it.each([
    ["files.upload", upload, countFiles, /FileClient\.list\(\)/],
    ["batches.create", createBatch, countBatches, /BatchClient\.list\(\)/],
    ["fineTuning.create", createJob, countJobs, /FineTuningClient\.list\(\)/],
  ] as const)(
    "%s: not resent; CreateNotConfirmedError; exactly one object",
    async (_, create, count, check) => {
      const result = await created([lost], create, count);
      const error = expectNotConfirmed(result.outcome, check);
      expect(APIConnectionError.isInstance(error.cause)).toBe(true);
      expect(result.attempts).toBe(1);
      expect(result.made).toBe(1);
    },
  );

  it("a 500 or 502 after the request (the service may have acted): not resent either", async () => {
    for (const status of [500, 502]) {
      const fault: Fault = { kind: "status", status, headers: retryHeaders("retry-after-ms", 5) };
      const result = await created([fault], upload, countFiles);
      const error = expectNotConfirmed(result.outcome, /FileClient\.list\(\)/);
      expect(InternalServerError.isInstance(error.cause)).toBe(true);
      expect(result.attempts).toBe(1);
    }
  });

  it("429 and 503 (nothing was done) are retried: exactly one object, retryCount on _response", async () => {
    const busy: Fault[] = [
      { kind: "status", status: 429, headers: retryHeaders("retry-after-ms", 5) },
      { kind: "status", status: 503, headers: retryHeaders("retry-after-ms", 5) },
    ];
    const result = await created(busy, upload, countFiles);
    expect(result.outcome.ok).toBe(true);
    expect(
      (result.outcome as { value: { _response: { retryCount: number } } }).value._response.retryCount,
    ).toBe(2);
    expect(result.attempts).toBe(3);
    expect(result.made).toBe(1);
  });

  it("retryUncertain: true on the call resends anyway (the caller's choice): two objects", async () => {
    const before = await countFiles();
    const call = planned([lost], { retryUncertain: true });
    const file = await upload(call.options);
    expect(file._response.retryCount).toBe(1);
    expect((await countFiles()) - before).toBe(2);
  });
});

describe("inference calls whose answer is lost", () => {
  it("are retried by default, with the attempt count on _response", async () => {
    const call = planned([lost]);
    const completion = await new ChatClient(client, "gpt-4o").complete(
      { messages: [{ role: "user", content: "hi" }] },
      call.options,
    );
    expect(completion._response.retryCount).toBe(1);
    expect(proxy.requestsOf(call.id)).toHaveLength(2);
  });

  it("are not retried with retryUncertain: false (per call or per client), ending in the attempt's own error", async () => {
    const call = planned([lost], { retryUncertain: false });
    const outcome = await settle(
      new EmbeddingClient(client, "text-embedding-3-small").embed({ input: "x" }, call.options),
    );
    expect(APIConnectionError.isInstance((outcome as { error: unknown }).error)).toBe(true);
    expect(proxy.requestsOf(call.id)).toHaveLength(1);
    const careful = new AzureOpenAIClient({ endpoint: proxy.url, apiKey: SECRET_KEY, retryUncertain: false });
    const again = planned([
      lost,
      { kind: "status", status: 429, headers: retryHeaders("retry-after-ms", 5) },
    ]);
    const second = await settle(
      new EmbeddingClient(careful, "text-embedding-3-small").embed({ input: "x" }, again.options),
    );
    expect(APIConnectionError.isInstance((second as { error: unknown }).error)).toBe(true);
    expect(proxy.requestsOf(again.id)).toHaveLength(1);
  });
});
