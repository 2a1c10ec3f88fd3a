import {
  AuthenticationError,
  AzureOpenAIClient,
  InvalidInputError,
  NotFoundError,
  UnsupportedApiVersionError,
} from "@aoai/core";
import { type Emulator, startEmulator } from "@aoai/emulator";
import { FileClient, WaitTimeoutError } from "@aoai/files";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uploadAndIndex } from "../src/upload-and-index.js";
import { VectorStoreClient } from "../src/vector-store-client.js";
import { VectorStoreSearchClient } from "../src/vector-store-search-client.js";
import { VERSION } from "../src/version.js";
import { clients, DOCS, fast, timeScale, uploadDocs } from "./helpers.js";

describe("stores", () => {
  const { stores } = clients();

  it("creates, retrieves, updates, lists across pages and deletes", async () => {
    const store = await stores.create({
      name: "handbook",
      metadata: { team: "hr" },
      expires_after: { anchor: "last_active_at", days: 30 },
    });
    expect(store).toMatchObject({
      object: "vector_store",
      name: "handbook",
      status: "completed",
      metadata: { team: "hr" },
    });
    expect(store._response.requestId).toBeTruthy();
    expect((await stores.retrieve(store.id)).expires_after).toEqual({ anchor: "last_active_at", days: 30 });
    const updated = await stores.update(store.id, { name: "renamed", expires_after: null });
    expect(updated.name).toBe("renamed");
    expect(updated.expires_at).toBeNull();
    const other = await stores.create({});
    const first = await stores.list({ limit: 1 });
    expect(first.data.map((s) => s.id)).toEqual([other.id]);
    expect(first.has_more).toBe(true);
    const seen: string[] = [];
    for await (const s of stores.list({ limit: 1 })) {
      seen.push(s.id);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual([other.id, store.id]);
    const deleted = await stores.delete(store.id);
    expect(deleted).toMatchObject({ id: store.id, object: "vector_store.deleted", deleted: true });
    await expect(stores.retrieve(store.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses what it knows is wrong before sending", async () => {
    const cases: [() => Promise<unknown>, string][] = [
      [() => stores.create({ expires_after: { anchor: "last_active_at", days: 0 } }), "expires_after.days"],
      [() => stores.create({ metadata: { n: 1 as unknown as string } }), "metadata.n"],
      [
        () =>
          stores.create({
            file_ids: ["f"],
            chunking_strategy: {
              type: "static",
              static: { max_chunk_size_tokens: 400, chunk_overlap_tokens: 201 },
            },
          }),
        "chunking_strategy.static.chunk_overlap_tokens",
      ],
      [() => stores.createFileBatch("vs_1", { file_ids: [] }), "file_ids"],
      [
        () => stores.createFileBatch("vs_1", { file_ids: Array.from({ length: 501 }, (_, i) => `f${i}`) }),
        "file_ids",
      ],
      [
        () => stores.search("vs_1", { query: "x", filters: { type: "like" as "eq", key: "a", value: 1 } }),
        "filters.type",
      ],
      [
        () =>
          stores.search("vs_1", {
            query: "x",
            filters: {
              type: "and",
              filters: [
                { type: "eq", key: "a", value: 1 },
                { type: "in" as "eq", key: "b", value: 2 },
              ],
            },
          }),
        "filters.filters[1].type",
      ],
      [() => stores.search("vs_1", { query: [] }), "query"],
      [() => stores.search("vs_1", { query: "x", max_num_results: 51 }), "max_num_results"],
      [
        () => stores.updateFile("vs_1", "f", { attributes: { k: { nested: true } as unknown as string } }),
        "attributes.k",
      ],
      [() => stores.listFiles("vs_1", { filter: "done" as "completed" }).then(), "filter"],
    ];
    for (const [call, param] of cases) {
      const error = await call().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(InvalidInputError.isInstance(error), param).toBe(true);
      expect((error as InvalidInputError).param).toBe(param);
    }
  });
});

describe("files and batches", () => {
  const { stores, files } = clients();

  it("adds a file, waits for it, reads its content, updates its attributes and removes it", async () => {
    const [cats] = await uploadDocs(files);
    const store = await stores.create({ name: "one" }, timeScale(0.05));
    const added = await stores.addFile(store.id, {
      file_id: cats!,
      chunking_strategy: { type: "static", static: { max_chunk_size_tokens: 100, chunk_overlap_tokens: 50 } },
    });
    expect(added).toMatchObject({
      id: cats,
      object: "vector_store.file",
      status: "in_progress",
      vector_store_id: store.id,
    });
    const done = await stores.waitForFile(store.id, cats!, fast);
    expect(done).toMatchObject({ status: "completed", last_error: null });
    expect(done.chunking_strategy).toEqual({
      type: "static",
      static: { max_chunk_size_tokens: 100, chunk_overlap_tokens: 50 },
    });
    const content = await stores.fileContent(store.id, cats!);
    expect(content.data).toEqual([{ type: "text", text: DOCS["cats.md"] }]);
    const updated = await stores.updateFile(store.id, cats!, {
      attributes: { lang: "en", year: 2025, draft: false },
    });
    expect(updated.attributes).toEqual({ lang: "en", year: 2025, draft: false });
    expect((await stores.retrieveFile(store.id, cats!)).attributes).toEqual(updated.attributes);
    expect((await stores.listFiles(store.id, { filter: "completed" })).data.map((f) => f.id)).toEqual([cats]);
    expect((await stores.listFiles(store.id, { filter: "failed" })).data).toEqual([]);
    const removed = await stores.deleteFile(store.id, cats!);
    expect(removed).toMatchObject({ id: cats, object: "vector_store.file.deleted", deleted: true });
    // The file itself is still in the files API.
    expect((await files.retrieve(cats!)).id).toBe(cats);
  });

  it("creates a file batch, reports progress by status until it ends, and lists its files", async () => {
    const ids = await uploadDocs(files);
    const bad = (
      await files.upload({
        file: new File([new Uint8Array([0, 159, 146, 150])], "blob.md"),
        purpose: "assistants",
      })
    ).id;
    const store = await stores.create({}, timeScale(0.05));
    const batch = await stores.createFileBatch(store.id, { file_ids: [...ids, bad] });
    expect(batch).toMatchObject({
      object: "vector_store.files_batch",
      status: "in_progress",
      vector_store_id: store.id,
    });
    const progress: number[] = [];
    const done = await stores.waitForFileBatch(store.id, batch.id, {
      ...fast,
      onProgress: (counts) => progress.push(counts.in_progress),
    });
    expect(done.status).toBe("completed");
    expect(done.file_counts).toEqual({ in_progress: 0, completed: 3, failed: 1, cancelled: 0, total: 4 });
    expect(progress.at(-1)).toBe(0);
    expect(progress[0]).toBe(4);
    const failed = await stores.listFileBatchFiles(store.id, batch.id, { filter: "failed" });
    expect(failed.data.map((f) => [f.id, f.last_error?.code])).toEqual([[bad, "invalid_file"]]);
    const all: string[] = [];
    for await (const f of stores.listFileBatchFiles(store.id, batch.id, { limit: 1, order: "asc" }))
      all.push(f.id);
    expect(all).toEqual([...ids, bad]);
  });

  it("cancels a batch, and a wait's deadline throws WaitTimeoutError with the last state", async () => {
    const ids = await uploadDocs(files);
    const store = await stores.create({}, timeScale(1000));
    const batch = await stores.createFileBatch(store.id, { file_ids: ids });
    const error = await stores
      .waitForFileBatch(store.id, batch.id, { ...fast, timeoutMs: 60 })
      .catch((e: unknown) => e);
    expect(WaitTimeoutError.isInstance(error)).toBe(true);
    expect((error as WaitTimeoutError).last).toMatchObject({ status: "in_progress" });
    const cancelled = await stores.cancelFileBatch(store.id, batch.id);
    expect(cancelled).toMatchObject({ status: "cancelled", file_counts: { cancelled: 3, total: 3 } });
    expect((await stores.retrieveFileBatch(store.id, batch.id)).status).toBe("cancelled");
  });
});

describe("search", () => {
  const { stores, files } = clients();
  let store: string;
  let ids: string[];
  beforeAll(async () => {
    ids = await uploadDocs(files);
    store = (await stores.create({}, timeScale(0))).id;
    for (const [i, id] of ids.entries()) {
      await stores.addFile(store, { file_id: id });
      await stores.updateFile(store, id, {
        attributes: { year: 2023 + i, topic: i === 1 ? "code" : "life" },
      });
    }
    await stores.waitForFile(store, ids[2]!, fast);
  });

  it("ranks chunks by similarity, with scores, attributes and content", async () => {
    const results = await stores.search(store, {
      query: "What does the Rust compiler check?",
      max_num_results: 2,
    });
    expect(results.object).toBe("vector_store.search_results.page");
    expect(results.search_query).toEqual(["What does the Rust compiler check?"]);
    expect(results.data).toHaveLength(2);
    const [best, next] = results.data;
    expect(best).toMatchObject({
      file_id: ids[1],
      filename: "rust.md",
      attributes: { year: 2024, topic: "code" },
      content: [{ type: "text", text: DOCS["rust.md"] }],
    });
    expect(best!.score).toBeGreaterThan(next!.score);
    expect(results._response.status).toBe(200);
    const lean = new VectorStoreSearchClient(stores.client);
    expect((await lean.search(store, { query: "What does the Rust compiler check?" })).data[0]!.file_id).toBe(
      ids[1],
    );
  });

  it("filters by attributes, comparison and compound, and takes several queries", async () => {
    const found = async (request: Parameters<VectorStoreClient["search"]>[1]) =>
      (await stores.search(store, request)).data.map((r) => ids.indexOf(r.file_id)).sort();
    expect(await found({ query: "cats", filters: { type: "eq", key: "topic", value: "life" } })).toEqual([
      0, 2,
    ]);
    expect(
      await found({
        query: ["tea", "cats"],
        filters: {
          type: "or",
          filters: [
            { type: "gte", key: "year", value: 2025 },
            {
              type: "and",
              filters: [
                { type: "ne", key: "topic", value: "code" },
                { type: "lt", key: "year", value: 2024 },
              ],
            },
          ],
        },
      }),
    ).toEqual([0, 2]);
    const thresholded = await stores.search(store, {
      query: "Green tea steeped",
      ranking_options: { ranker: "auto", score_threshold: 0.3 },
      rewrite_query: true,
    });
    expect(thresholded.search_query).toEqual(["green tea steeped"]);
    expect(thresholded.data.map((r) => r.filename)).toEqual(["tea.md"]);
  });
});

describe("uploadAndIndex", () => {
  const { stores, files } = clients();

  it("uploads a list of files in batches, waits, and says which failed and why", async () => {
    const store = await stores.create({ name: "list" }, timeScale(0));
    const uploads: number[] = [];
    const progress: number[] = [];
    const result = await uploadAndIndex(
      stores,
      files,
      store.id,
      {
        files: [
          ...Object.entries(DOCS).map(([name, text]) => new File([text], name)),
          new File(["binary \u0000 data"], "broken.txt"),
          new File(["a picture"], "photo.png"),
          new File([], "empty.md"),
        ],
        chunking_strategy: {
          type: "static",
          static: { max_chunk_size_tokens: 200, chunk_overlap_tokens: 0 },
        },
      },
      {
        ...fast,
        concurrency: 2,
        batchSize: 2,
        onUpload: (n) => uploads.push(n),
        onProgress: (c) => progress.push(c.total),
      },
    );
    expect(result.uploaded).toBe(5);
    expect(result.batches).toHaveLength(3);
    expect(result.batches.every((b) => b.status === "completed")).toBe(true);
    expect(result.file_counts).toEqual({ in_progress: 0, completed: 3, failed: 2, cancelled: 0, total: 5 });
    expect(result.failed.map((f) => [f.name, f.status, f.code]).sort()).toEqual([
      ["broken.txt", "failed", "invalid_file"],
      ["empty.md", "upload", null],
      ["photo.png", "failed", "unsupported_file"],
    ]);
    expect(InvalidInputError.isInstance(result.failed.find((f) => f.status === "upload")!.error)).toBe(true);
    expect(uploads.at(-1)).toBe(5);
    expect(progress.at(-1)).toBe(5);
    const search = await stores.search(store.id, { query: "green tea", max_num_results: 1 });
    expect(search.data[0]!.filename).toBe("tea.md");
  });

  it("stops and throws on an error that is not about one file", async () => {
    const wrong = clients({ apiKey: "wrong-key" });
    const error = await uploadAndIndex(wrong.stores, wrong.files, "vs_1", {
      files: [new File(["a"], "a.md"), new File(["b"], "b.md")],
    }).catch((e: unknown) => e);
    expect(AuthenticationError.isInstance(error)).toBe(true);
  });

  it("refuses an empty list and bad options before uploading anything", async () => {
    await expect(uploadAndIndex(stores, files, "vs_1", { files: [] })).rejects.toMatchObject({
      param: "files",
    });
    await expect(
      uploadAndIndex(stores, files, "vs_1", { files: ["a.md"] }, { batchSize: 501 }),
    ).rejects.toMatchObject({
      param: "batchSize",
    });
    await expect(
      uploadAndIndex(stores, files, "vs_1", {
        files: ["a.md"],
        chunking_strategy: {
          type: "static",
          static: { max_chunk_size_tokens: 100, chunk_overlap_tokens: 60 },
        },
      }),
    ).rejects.toMatchObject({ param: "chunking_strategy.static.chunk_overlap_tokens" });
  });
});

describe("on a fresh emulator", () => {
  let emulator: Emulator;
  let stores: VectorStoreClient;
  let files: FileClient;
  beforeAll(async () => {
    emulator = await startEmulator({ timeScale: 0 });
    const client = new AzureOpenAIClient({
      endpoint: emulator.url,
      apiKey: emulator.apiKey,
      apiVersion: "v1",
      maxRetries: 0,
    });
    stores = new VectorStoreClient(client);
    files = new FileClient(client);
  });
  afterAll(() => emulator.close());

  it("sends the wire shapes on the v1 API, attributes on batches included", async () => {
    const file = await files.upload({ file: new File(["hello"], "a.md"), purpose: "assistants" });
    const store = await stores.create({ name: "v1" });
    emulator.clearRequests();
    await stores.createFileBatch(store.id, { file_ids: [file.id], attributes: { lang: "en" } });
    await stores.search(store.id, { query: "hello", filters: { type: "eq", key: "lang", value: "en" } });
    await stores.listFiles(store.id, { filter: "completed", limit: 5 });
    const [batch, search, list] = emulator.requests;
    expect(batch!.path).toBe(`/openai/v1/vector_stores/${store.id}/file_batches`);
    expect(batch!.body).toEqual({ file_ids: [file.id], attributes: { lang: "en" } });
    expect(batch!.headers["user-agent"]).toContain(`aoai-vector-stores/${VERSION}`);
    expect(search!.body).toEqual({ query: "hello", filters: { type: "eq", key: "lang", value: "en" } });
    expect(list!.query).toEqual({ filter: "completed", limit: "5" });
  });

  it("sends nothing for bad input, and gates by API version", async () => {
    emulator.clearRequests();
    await expect(stores.createFileBatch("vs_1", { file_ids: [] })).rejects.toBeInstanceOf(InvalidInputError);
    const ga = new VectorStoreClient(
      new AzureOpenAIClient({ endpoint: emulator.url, apiKey: emulator.apiKey, apiVersion: "2024-10-21" }),
    );
    await expect(ga.create({})).rejects.toBeInstanceOf(UnsupportedApiVersionError);
    const gaFiles = new FileClient(ga.client);
    await expect(
      uploadAndIndex(ga, gaFiles, "vs_1", { files: [new File(["a"], "a.md")] }),
    ).rejects.toBeInstanceOf(UnsupportedApiVersionError);
    const dated = new VectorStoreClient(
      new AzureOpenAIClient({
        endpoint: emulator.url,
        apiKey: emulator.apiKey,
        apiVersion: "2025-04-01-preview",
      }),
    );
    await expect(dated.addFile("vs_1", { file_id: "f", attributes: { a: 1 } })).rejects.toBeInstanceOf(
      UnsupportedApiVersionError,
    );
    await expect(
      uploadAndIndex(dated, new FileClient(dated.client), "vs_1", {
        files: [new File(["a"], "a.md")],
        attributes: { a: 1 },
      }),
    ).rejects.toBeInstanceOf(UnsupportedApiVersionError);
    expect(emulator.requests).toHaveLength(0);
    const unchecked = new VectorStoreClient(
      new AzureOpenAIClient({
        endpoint: emulator.url,
        apiKey: emulator.apiKey,
        apiVersion: "2024-10-21",
        versionChecks: false,
        maxRetries: 0,
      }),
    );
    // The emulator, like Azure, has no vector stores on the GA version: the service judges.
    await expect(unchecked.create({})).rejects.toBeInstanceOf(NotFoundError);
  });

  it("stops at once when aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(stores.list({}, { signal: controller.signal }).then()).rejects.toMatchObject({
      name: "APIUserAbortError",
    });
  });
});

describe("uploadAndIndex stops", () => {
  it("when aborted: no upload starts after the signal, and the call throws APIUserAbortError", async () => {
    const emulator = await startEmulator({ timeScale: 0 });
    try {
      const client = new AzureOpenAIClient({
        endpoint: emulator.url,
        apiKey: emulator.apiKey,
        apiVersion: "v1",
        maxRetries: 0,
      });
      const stores = new VectorStoreClient(client);
      const store = await stores.create({});
      const controller = new AbortController();
      const files = (function* () {
        for (let i = 0; i < 1000; i++) yield new File([`file ${i}`], `f${i}.md`);
      })();
      const error = await uploadAndIndex(
        stores,
        new FileClient(client),
        store.id,
        { files },
        {
          concurrency: 2,
          signal: controller.signal,
          onUpload: (n) => {
            if (n === 3) controller.abort();
          },
        },
      ).catch((e: unknown) => e);
      expect((error as Error).name).toBe("APIUserAbortError");
      const uploads = emulator.requests.filter((r) => r.path === "/openai/v1/files").length;
      expect(uploads).toBeLessThanOrEqual(4);
      expect(emulator.requests.some((r) => r.path.endsWith("/file_batches"))).toBe(false);
    } finally {
      await emulator.close();
    }
  });
});
