import { createReadStream } from "node:fs";
import { mkdtemp, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  APIConnectionError,
  APIUserAbortError,
  AzureOpenAIClient,
  InvalidInputError,
  InvalidResponseError,
  NotFoundError,
  RateLimitError,
  UnsupportedApiVersionError,
  WaitTimeoutError,
} from "@aoai/core";
import { type Emulator, startEmulator } from "@aoai/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FileClient } from "../src/file-client.js";
import { FileFailedError } from "../src/file-failed-error.js";
import { FileProcessingError } from "../src/index.js";
import { VERSION } from "../src/version.js";
import { fault, fileClient, timeScale, trainingJsonl } from "./helpers.js";

const jsonl = new TextEncoder().encode('{"custom_id":"a"}\n');
const fast = { pollInterval: 5, maxPollInterval: 20 };

describe("FileClient against the shared emulator", () => {
  const files = fileClient();

  it("uploads bytes: pending at first, processed after waitForProcessing", async () => {
    const file = await files.upload({ file: jsonl, purpose: "batch" }, timeScale(0.02));
    expect(file).toMatchObject({
      object: "file",
      purpose: "batch",
      bytes: jsonl.byteLength,
      status: "pending",
    });
    expect(file.filename).toBe("file.jsonl");
    expect(file._response.requestId).toBeTypeOf("string");
    const done = await files.waitForProcessing(file.id, fast);
    expect(done.status).toBe("processed");
    expect(done._response.status).toBe(200);
  });

  it("downloads content as a stream, retrieves and deletes", async () => {
    const file = await files.upload({ file: new File([jsonl], "mine.jsonl"), purpose: "batch" });
    expect(file.filename).toBe("mine.jsonl");
    const stream = await files.content(file.id);
    expect(new TextDecoder().decode(await stream.bytes())).toBe('{"custom_id":"a"}\n');
    expect((await files.retrieve(file.id)).id).toBe(file.id);
    const deleted = await files.delete(file.id);
    expect(deleted).toEqual({ object: "file", id: file.id, deleted: true });
    const gone = await files.retrieve(file.id).catch((e: unknown) => e);
    expect(NotFoundError.isInstance(gone)).toBe(true);
    expect((gone as NotFoundError).code).toBe("notFound");
  });

  it("fails the wait with FileFailedError carrying status_details", async () => {
    const file = await files.upload({ file: new TextEncoder().encode('{"nope":1}\n'), purpose: "fine-tune" });
    const error = await files.waitForProcessing(file.id, fast).catch((e: unknown) => e);
    expect(FileFailedError.isInstance(error)).toBe(true);
    // The old name, kept for one minor release, is the same class.
    expect(FileProcessingError.isInstance(error)).toBe(true);
    const e = error as FileFailedError;
    expect(e.statusDetails).toMatch(/^Line 1 has no 'messages'/);
    expect(e.file.status).toBe("error");
    expect(e.message).toContain(file.id);
    expect(e.message).toMatch(
      /^File file-\w+ \(file\.jsonl\) could not be processed: Line 1 has no 'messages'/,
    );
  });

  it("says in words when the file was deleted or ended in another status", () => {
    const file = {
      object: "file",
      id: "file-1",
      purpose: "batch",
      filename: "a.jsonl",
      bytes: 1,
      created_at: 0,
    } as const;
    expect(new FileFailedError({ ...file, status: "deleted" }).message).toBe(
      "File file-1 (a.jsonl) was deleted before it was processed.",
    );
    expect(new FileFailedError({ ...file, status: "error" }).message).toBe(
      "File file-1 (a.jsonl) could not be processed.",
    );
  });

  it("stops a wait at its deadline with WaitTimeoutError and the last status", async () => {
    const file = await files.upload({ file: jsonl, purpose: "batch" }, timeScale(1000));
    const started = Date.now();
    const error = await files
      .waitForProcessing(file.id, { ...fast, waitTimeout: 150 })
      .catch((e: unknown) => e);
    expect(WaitTimeoutError.isInstance(error)).toBe(true);
    const e = error as WaitTimeoutError<{ status: string }>;
    expect(e.timeoutMs).toBe(150);
    expect(e.last?.status).toBe("pending");
    expect(e.message).toMatch(/did not finish within 150 ms \(last status: pending\)/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("stops a wait when the signal aborts, also before the first poll", async () => {
    const file = await files.upload({ file: jsonl, purpose: "batch" }, timeScale(1000));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await files
      .waitForProcessing(file.id, { ...fast, signal: controller.signal })
      .catch((e: unknown) => e);
    expect(APIUserAbortError.isInstance(error)).toBe(true);
    const early = await files
      .waitForProcessing(file.id, { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(APIUserAbortError.isInstance(early)).toBe(true);
  });

  it("uploads a Node path and a Node stream", async () => {
    const dir = await mkdtemp(join(tmpdir(), "aoai-files-"));
    try {
      const path = join(dir, "train.jsonl");
      await writeFile(path, trainingJsonl(3));
      const fromPath = await files.upload({ file: path, purpose: "fine-tune" });
      expect([fromPath.filename, fromPath.bytes]).toEqual(["train.jsonl", trainingJsonl(3).byteLength]);
      const fromStream = await files.upload({ file: createReadStream(path), purpose: "fine-tune" });
      expect(fromStream.filename).toBe("train.jsonl");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("FileClient on a private emulator (request log, pages, faults)", () => {
  let emulator: Emulator;
  let files: FileClient;
  const client = (apiVersion?: string) =>
    new FileClient(
      new AzureOpenAIClient({ endpoint: emulator.url, apiKey: emulator.apiKey, maxRetries: 0, apiVersion }),
    );
  beforeAll(async () => {
    emulator = await startEmulator({ timeScale: 0 });
    files = client();
  });
  afterAll(() => emulator.close());

  it("sends the form fields, identifies itself and routes under /openai", async () => {
    emulator.reset();
    await files.upload({ file: jsonl, purpose: "batch" });
    await client("2024-10-21").upload({ file: jsonl, purpose: "batch" });
    const [sent, dated] = emulator.requests;
    expect(sent!.method).toBe("POST");
    // No apiVersion: the v1 API, which serves files GA; a dated version keeps its route.
    expect(sent!.path).toBe("/openai/v1/files");
    expect(sent!.query).toEqual({});
    expect(dated!.path).toBe("/openai/files");
    expect(dated!.query).toEqual({ "api-version": "2024-10-21" });
    expect(sent!.body).toEqual({
      purpose: "batch",
      file: { filename: "file.jsonl", content_type: "application/jsonl", size: jsonl.byteLength },
    });
    expect(sent!.headers["user-agent"]).toContain(`aoai-files/${VERSION}`);
  });

  it("sends expires_after as Azure's dotted form fields where the version has it", async () => {
    emulator.reset();
    const preview = client("2025-04-01-preview");
    const file = await preview.upload({
      file: jsonl,
      purpose: "batch",
      expires_after: { anchor: "created_at", seconds: 1_209_600 },
    });
    expect(file.expires_at).toBe(file.created_at + 1_209_600);
    expect(emulator.requests[0]!.body).toMatchObject({
      "expires_after.anchor": "created_at",
      "expires_after.seconds": "1209600",
    });
    emulator.reset();
    const byDefault = await files.upload({
      file: jsonl,
      purpose: "batch",
      expires_after: { anchor: "created_at", seconds: 1_209_600 },
    });
    expect(byDefault.expires_at).toBe(byDefault.created_at + 1_209_600);
    expect(emulator.requests[0]!.path).toBe("/openai/v1/files");
    emulator.reset();
    const ga = await client("2024-10-21")
      .upload({ file: jsonl, purpose: "batch", expires_after: { anchor: "created_at", seconds: 1_209_600 } })
      .catch((e: unknown) => e);
    expect(UnsupportedApiVersionError.isInstance(ga)).toBe(true);
    expect((ga as UnsupportedApiVersionError).feature).toBe("expires_after");
    expect(emulator.requests).toHaveLength(0);
  });

  it("sends nothing for bad input and names the parameter", async () => {
    const dir = await mkdtemp(join(tmpdir(), "aoai-files-"));
    const huge = join(dir, "huge.jsonl");
    await writeFile(huge, "");
    await truncate(huge, 200 * 1024 * 1024 + 1);
    emulator.reset();
    const preview = client("2025-04-01-preview");
    const cases: [() => Promise<unknown>, string][] = [
      [() => files.upload({ purpose: "batch" } as never), "file"],
      [() => files.upload({ file: jsonl, purpose: "" }), "purpose"],
      [() => files.upload({ file: new Uint8Array(0), purpose: "batch" }), "file"],
      [() => files.upload({ file: huge, purpose: "batch" }), "file"],
      [() => files.upload({ file: 42 as never, purpose: "batch" }), "file"],
      [() => files.upload("x" as never), "request"],
      [
        () =>
          preview.upload({
            file: jsonl,
            purpose: "batch",
            expires_after: { anchor: "created_at", seconds: 60 },
          }),
        "expires_after.seconds",
      ],
      [
        () =>
          preview.upload({
            file: jsonl,
            purpose: "batch",
            expires_after: { anchor: "now" as "created_at", seconds: 1_209_600 },
          }),
        "expires_after.anchor",
      ],
      [async () => files.list({ limit: 0 }), "limit"],
      [async () => files.list({ order: "up" as "asc" }), "order"],
      [() => files.retrieve(""), "file_id"],
      [() => files.content(".."), "file_id"],
      [() => files.delete(undefined as never), "file_id"],
      [() => files.waitForProcessing("file-1", { pollInterval: 0 }), "pollInterval"],
      [() => files.waitForProcessing("file-1", { timeoutMs: -1 }), "timeoutMs"],
      [() => files.waitForProcessing("file-1", { pollInterval: 50, maxPollInterval: 10 }), "maxPollInterval"],
    ];
    try {
      for (const [run, param] of cases) {
        const error = await run().catch((e: unknown) => e);
        expect(InvalidInputError.isInstance(error), `${param}: ${String(error)}`).toBe(true);
        expect((error as InvalidInputError).param).toBe(param);
      }
      expect(emulator.requests).toHaveLength(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("iterates every file across pages, and gives one page when awaited", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await files.upload({ file: jsonl, purpose: "vision" })).id);
    emulator.reset();
    const seen: string[] = [];
    for await (const file of files.list({ purpose: "vision", limit: 2, order: "asc" })) seen.push(file.id);
    expect(seen).toEqual(ids);
    expect(emulator.requests.map((r) => r.query)).toEqual([
      { purpose: "vision", limit: "2", order: "asc" },
      { purpose: "vision", limit: "2", order: "asc", after: ids[1] },
      { purpose: "vision", limit: "2", order: "asc", after: ids[3] },
    ]);
    const page = await files.list({ purpose: "vision", limit: 2 });
    expect(page).toMatchObject({ object: "list", has_more: true, first_id: ids[4], last_id: ids[3] });
    expect(page.data.map((f) => f.id)).toEqual([ids[4], ids[3]]);
    expect(page._response.requestId).toBeTypeOf("string");
    const sizes: number[] = [];
    for await (const p of files.list({ purpose: "vision", limit: 3 }).pages()) sizes.push(p.data.length);
    expect(sizes).toEqual([3, 2]);
    const after = await files.list({ purpose: "vision", order: "asc", after: ids[2] });
    expect(after.data.map((f) => f.id)).toEqual([ids[3], ids[4]]);
  });

  it("stops a list whose service repeats a cursor, instead of looping", async () => {
    const body = { object: "list", data: [{ id: "file-a" }], has_more: true, last_id: "file-a" };
    const pages: unknown[] = [];
    const error = await (async () => {
      for await (const p of files.list({}, fault({ kind: "status", status: 200, body })).pages())
        pages.push(p);
    })().catch((e: unknown) => e);
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect(pages).toHaveLength(2);
  });

  it("reads a 204 delete (the 2024-06-01 API) as deleted", async () => {
    const deleted = await files.delete("file-x", fault({ kind: "status", status: 204, body: "" }));
    expect(deleted).toEqual({ object: "file", id: "file-x", deleted: true });
    expect(deleted._response.status).toBe(204);
  });

  it("surfaces a 429 as RateLimitError and a dropped connection as APIConnectionError", async () => {
    const limited = await files
      .upload({ file: jsonl, purpose: "batch" }, fault({ kind: "status", status: 429, retry_after: 120 }))
      .catch((e: unknown) => e);
    expect(RateLimitError.isInstance(limited)).toBe(true);
    expect((limited as RateLimitError).status).toBe(429);
    const dropped = await files.list({}, fault({ kind: "reset" })).catch((e: unknown) => e);
    expect(APIConnectionError.isInstance(dropped)).toBe(true);
  });

  it("works on the v1 API", async () => {
    emulator.reset();
    const v1 = client("v1");
    const file = await v1.upload({ file: jsonl, purpose: "batch" });
    const done = await v1.waitForProcessing(file.id, fast);
    expect(done.status).toBe("processed");
    expect(emulator.requests[0]!.path).toBe("/openai/v1/files");
    expect(emulator.requests[0]!.query).toEqual({});
    expect(emulator.requests[1]!.path).toBe(`/openai/v1/files/${file.id}`);
  });
});
