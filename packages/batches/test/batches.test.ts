import {
  APIConnectionError,
  APIUserAbortError,
  AzureOpenAIClient,
  BadRequestError,
  CreateNotConfirmedError,
  InvalidInputError,
  NotFoundError,
  RateLimitError,
  UnsupportedApiVersionError,
} from "@aoai/core";
import { type Emulator, startEmulator } from "@aoai/emulator";
import { FileClient, WaitTimeoutError } from "@aoai/files";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BatchClient } from "../src/batch-client.js";
import { BatchFailedError } from "../src/batch-failed-error.js";
import { buildBatchInput } from "../src/batch-input.js";
import { isBatchSuccess, readBatchResults } from "../src/read-results.js";
import type {
  BatchChatCompletion,
  BatchEmbeddingResponse,
  BatchRequestCounts,
} from "../src/response-types.js";
import { VERSION } from "../src/version.js";
import { BATCH_DEPLOYMENT, chatInput, clients, fast, fault, timeScale, uploadInput } from "./helpers.js";

const all = async <T>(it: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};
const text = (lines: string[]) => new TextEncoder().encode(`${lines.join("\n")}\n`);

describe("BatchClient against the shared emulator", () => {
  const { files, batches } = clients();

  it("runs a chat batch: built, uploaded, waited for with progress, read back by custom_id", async () => {
    const input = chatInput(20);
    const fileId = await uploadInput(files, input.file);
    const batch = await batches.create(
      { input_file_id: fileId, endpoint: input.endpoint, metadata: { run: "test" } },
      timeScale(0.05),
    );
    expect(batch).toMatchObject({
      object: "batch",
      status: "validating",
      endpoint: "/chat/completions",
      completion_window: "24h",
      metadata: { run: "test" },
    });
    expect(batch._response.requestId).toBeTypeOf("string");
    const progress: BatchRequestCounts[] = [];
    const done = await batches.waitForCompletion(batch.id, {
      ...fast,
      onProgress: (c) => progress.push({ ...c }),
    });
    expect(done.status).toBe("completed");
    expect(done.request_counts).toEqual({ total: 20, completed: 20, failed: 0 });
    expect(progress.at(-1)).toEqual({ total: 20, completed: 20, failed: 0 });
    for (let i = 1; i < progress.length; i++)
      expect(progress[i]!.completed).toBeGreaterThanOrEqual(progress[i - 1]!.completed);
    const answers = new Map<string, string>();
    for await (const line of readBatchResults<BatchChatCompletion>(files, done)) {
      expect(isBatchSuccess(line)).toBe(true);
      if (isBatchSuccess(line))
        answers.set(line.custom_id, line.response.body.choices[0]!.message.content ?? "");
    }
    expect(answers.size).toBe(20);
    expect(answers.get("task-7")).toContain("Question 7?");
    expect((await batches.retrieve(batch.id)).status).toBe("completed");
  });

  it("reads malformed and refused lines from the error file", async () => {
    const good = JSON.stringify({
      custom_id: "ok",
      method: "POST",
      url: "/chat/completions",
      body: { model: BATCH_DEPLOYMENT, messages: [{ role: "user", content: "hi" }] },
    });
    const refused = JSON.stringify({
      custom_id: "refused",
      method: "POST",
      url: "/chat/completions",
      body: { model: BATCH_DEPLOYMENT, messages: [] },
    });
    const fileId = await uploadInput(files, text([good, "{not json", refused]));
    const created = await batches.create(
      { input_file_id: fileId, endpoint: "/chat/completions" },
      timeScale(0),
    );
    const done = await batches.waitForCompletion(created.id, fast);
    expect(done.request_counts).toEqual({ total: 3, completed: 1, failed: 2 });
    const lines = await all(readBatchResults(files, done));
    expect(lines.map((l) => [l.custom_id, isBatchSuccess(l)])).toEqual([
      ["ok", true],
      [null, false],
      ["refused", false],
    ]);
    expect(lines[1]!.error?.code).toBe("invalid_json_line");
    expect(lines[2]!.response?.status_code).toBe(400);
    const errorsOnly = await all(readBatchResults(files, done, { only: "errors" }));
    expect(errorsOnly).toHaveLength(2);
    expect(await all(readBatchResults(files, done, { only: "output" }))).toHaveLength(1);
  });

  it("runs an embeddings batch", async () => {
    const input = buildBatchInput({
      endpoint: "/embeddings",
      deployment: "text-embedding-3-small-batch",
      requests: [{ custom_id: "e-1", body: { input: "hello", dimensions: 4 } }],
    });
    const fileId = await uploadInput(files, input.file);
    const created = await batches.create({ input_file_id: fileId, endpoint: "/embeddings" }, timeScale(0));
    const done = await batches.waitForCompletion(created.id, fast);
    const [line] = await all(readBatchResults<BatchEmbeddingResponse>(files, done));
    expect(isBatchSuccess(line!) && line.response.body.data[0]!.embedding).toHaveLength(4);
  });

  it("throws BatchFailedError with the service's errors when validation fails", async () => {
    const input = await chatInput(2).file.text();
    const fileId = await uploadInput(files, new TextEncoder().encode(input + input));
    const created = await batches.create(
      { input_file_id: fileId, endpoint: "/chat/completions" },
      timeScale(0),
    );
    const error = await batches.waitForCompletion(created.id, fast).catch((e: unknown) => e);
    expect(BatchFailedError.isInstance(error)).toBe(true);
    const e = error as BatchFailedError;
    expect(e.batch.status).toBe("failed");
    expect(e.errors).toEqual([
      {
        code: "duplicate_custom_id",
        message: "The custom_id 'task-0' appears more than once.",
        param: "custom_id",
        line: 3,
      },
    ]);
    expect(e.message).toBe(
      `Batch ${created.id} failed: duplicate_custom_id: The custom_id 'task-0' appears more than once. (line 3)`,
    );
  });

  it("cancels a batch; the wait returns it cancelled", async () => {
    const fileId = await uploadInput(files, chatInput(3).file);
    const created = await batches.create(
      { input_file_id: fileId, endpoint: "/chat/completions" },
      timeScale(0.5),
    );
    const cancelling = await batches.cancel(created.id);
    expect(cancelling.status).toBe("cancelling");
    const done = await batches.waitForCompletion(created.id, fast);
    expect(done.status).toBe("cancelled");
    expect(done.cancelled_at).toBeTypeOf("number");
  });

  it("stops a wait at its deadline or when the signal aborts; the batch goes on", async () => {
    const fileId = await uploadInput(files, chatInput(1).file);
    const created = await batches.create(
      { input_file_id: fileId, endpoint: "/chat/completions" },
      timeScale(1000),
    );
    const late = await batches
      .waitForCompletion(created.id, { ...fast, timeoutMs: 100 })
      .catch((e: unknown) => e);
    expect(WaitTimeoutError.isInstance(late)).toBe(true);
    expect((late as WaitTimeoutError<{ status: string }>).last?.status).toBe("validating");
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const aborted = await batches
      .waitForCompletion(created.id, { ...fast, signal: controller.signal })
      .catch((e: unknown) => e);
    expect(APIUserAbortError.isInstance(aborted)).toBe(true);
    expect((await batches.retrieve(created.id)).status).toBe("validating");
  });
});

describe("BatchClient on a private emulator (request log, pages, versions, faults)", () => {
  let emulator: Emulator;
  let fileId: string;
  const make = (apiVersion?: string, extra: { versionChecks?: boolean } = {}) => {
    const client = new AzureOpenAIClient({
      endpoint: emulator.url,
      apiKey: emulator.apiKey,
      maxRetries: 0,
      apiVersion,
      ...extra,
    });
    return { files: new FileClient(client), batches: new BatchClient(client) };
  };
  beforeAll(async () => {
    emulator = await startEmulator({ timeScale: 0 });
    fileId = await uploadInput(make().files, chatInput(1).file);
  });
  afterAll(() => emulator.close());

  it("sends the request as given with completion_window 24h, and identifies itself", async () => {
    emulator.reset();
    const { batches } = make();
    await batches.create({ input_file_id: fileId, endpoint: "/chat/completions", metadata: { a: "b" } });
    const [sent] = emulator.requests;
    expect(sent!.path).toBe("/openai/batches");
    expect(sent!.query).toEqual({ "api-version": "2024-10-21" });
    expect(sent!.body).toEqual({
      input_file_id: fileId,
      endpoint: "/chat/completions",
      metadata: { a: "b" },
      completion_window: "24h",
    });
    expect(sent!.headers["user-agent"]).toContain(`aoai-batches/${VERSION}`);
  });

  it("iterates every batch across pages", async () => {
    const { batches } = make();
    const fresh = await startEmulator({ timeScale: 0 });
    try {
      const client = new AzureOpenAIClient({ endpoint: fresh.url, apiKey: fresh.apiKey, maxRetries: 0 });
      const own = new BatchClient(client);
      const input = await uploadInput(new FileClient(client), chatInput(1).file);
      const ids: string[] = [];
      for (let i = 0; i < 3; i++)
        ids.push((await own.create({ input_file_id: input, endpoint: "/chat/completions" })).id);
      fresh.reset();
      const seen: string[] = [];
      for await (const batch of own.list({ limit: 2 })) seen.push(batch.id);
      expect(seen).toEqual([...ids].reverse());
      expect(fresh.requests.map((r) => r.query)).toEqual([
        { "api-version": "2024-10-21", limit: "2" },
        { "api-version": "2024-10-21", limit: "2", after: ids[1] },
      ]);
      const page = await own.list({ limit: 1 });
      expect(page).toMatchObject({ has_more: true, first_id: ids[2], last_id: ids[2] });
    } finally {
      await fresh.close();
    }
    expect(batches).toBeInstanceOf(BatchClient);
  });

  it("sends nothing for bad input and names the parameter", async () => {
    emulator.reset();
    const { batches } = make();
    const cases: [() => Promise<unknown>, string][] = [
      [() => batches.create({ endpoint: "/chat/completions" }), "input_file_id"],
      [() => batches.create({ input_file_id: fileId, endpoint: "" }), "endpoint"],
      [
        () => batches.create({ input_file_id: fileId, endpoint: "/embeddings", metadata: { n: 1 as never } }),
        "metadata.n",
      ],
      [() => batches.retrieve(""), "batch_id"],
      [() => batches.cancel(".."), "batch_id"],
      [async () => batches.list({ limit: 0 }), "limit"],
      [() => batches.waitForCompletion("batch_1", { pollInterval: -5 }), "pollInterval"],
    ];
    for (const [run, param] of cases) {
      const error = await run().catch((e: unknown) => e);
      expect(InvalidInputError.isInstance(error), `${param}: ${String(error)}`).toBe(true);
      expect((error as InvalidInputError).param).toBe(param);
    }
    expect(emulator.requests).toHaveLength(0);
  });

  it("refuses batches on 2024-06-01 before sending; the service answers 404 when checks are off", async () => {
    emulator.reset();
    const old = make("2024-06-01").batches;
    for (const run of [
      () => old.create({ input_file_id: fileId, endpoint: "/chat/completions" }),
      () => old.retrieve("batch_1"),
      async () => old.list(),
    ]) {
      const error = await run().catch((e: unknown) => e);
      expect(UnsupportedApiVersionError.isInstance(error)).toBe(true);
      expect((error as UnsupportedApiVersionError).feature).toBe("batches");
    }
    expect(emulator.requests).toHaveLength(0);
    const unchecked = make("2024-06-01", { versionChecks: false }).batches;
    expect(NotFoundError.isInstance(await unchecked.retrieve("batch_1").catch((e: unknown) => e))).toBe(true);
  });

  it("sends Azure's blob fields where the version has them", async () => {
    emulator.reset();
    const blob = "https://acct.blob.core.windows.net/in/batch.jsonl";
    const preview = make("2025-04-01-preview").batches;
    const error = await preview
      .create({
        input_blob: blob,
        endpoint: "/chat/completions",
        output_folder: { url: "https://acct.blob.core.windows.net/out" },
      })
      .catch((e: unknown) => e);
    // The emulator cannot reach Azure Storage: it answers 400, after the request went out whole.
    expect(BadRequestError.isInstance(error)).toBe(true);
    expect(emulator.requests[0]!.body).toMatchObject({
      input_blob: blob,
      output_folder: { url: "https://acct.blob.core.windows.net/out" },
    });
    emulator.reset();
    const ga = await make("2024-10-21")
      .batches.create({ input_blob: blob, endpoint: "/chat/completions" })
      .catch((e: unknown) => e);
    expect(UnsupportedApiVersionError.isInstance(ga)).toBe(true);
    expect(emulator.requests).toHaveLength(0);
    // No apiVersion: batches go to 2024-10-21, their GA route, but a create with the blob fields
    // to the newest preview that has them.
    await make()
      .batches.create({ input_file_id: "file-x", endpoint: "/chat/completions" })
      .catch(() => {});
    await make()
      .batches.create({ input_blob: blob, endpoint: "/chat/completions" })
      .catch(() => {});
    expect(emulator.requests.map((r) => r.query["api-version"])).toEqual([
      "2024-10-21",
      "2025-04-01-preview",
    ]);
  });

  it("surfaces a 429 on create as RateLimitError; a dropped connection, which may have created it, as CreateNotConfirmedError", async () => {
    const { batches } = make();
    const limited = await batches
      .create(
        { input_file_id: fileId, endpoint: "/chat/completions" },
        fault({ kind: "status", status: 429 }),
      )
      .catch((e: unknown) => e);
    expect(RateLimitError.isInstance(limited)).toBe(true);
    expect((limited as RateLimitError).status).toBe(429);
    const dropped = await batches
      .create({ input_file_id: fileId, endpoint: "/chat/completions" }, fault({ kind: "reset" }))
      .catch((e: unknown) => e);
    // Not sent again: the service may have made it.
    expect(CreateNotConfirmedError.isInstance(dropped)).toBe(true);
    expect(APIConnectionError.isInstance((dropped as CreateNotConfirmedError).cause)).toBe(true);
  });

  it("works on the v1 API", async () => {
    emulator.reset();
    const { files, batches } = make("v1");
    const input = await uploadInput(files, chatInput(2).file);
    const created = await batches.create({ input_file_id: input, endpoint: "/v1/chat/completions" });
    const done = await batches.waitForCompletion(created.id, fast);
    expect(done.request_counts?.completed).toBe(2);
    const paths = emulator.requests.map((r) => r.path);
    expect(paths).toContain("/openai/v1/batches");
    expect(paths).toContain(`/openai/v1/batches/${created.id}`);
    expect(await all(readBatchResults(files, done))).toHaveLength(2);
  });
});
