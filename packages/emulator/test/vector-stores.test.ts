import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator, TIME_SCALE_HEADER } from "../src/index.js";
import { resourceCaller, uploadForm } from "./resource-helpers.js";

const DOCS = {
  "cats.md": "# Cats\nCats purr and sleep most of the day. A cat likes warm windows.",
  "rust.md": "# Rust\nThe Rust compiler checks ownership and borrowing at compile time.",
  "tea.md": "# Tea\nGreen tea is steeped at 80 degrees for two minutes.",
};

describe("vector stores", () => {
  let emulator: Emulator;
  let call: ReturnType<typeof resourceCaller>["call"];
  let v1: ReturnType<typeof resourceCaller>["call"];
  const upload = async (content: string | Uint8Array<ArrayBuffer>, filename: string) => {
    const form = uploadForm("", "assistants", filename);
    form.set("file", new Blob([content]), filename);
    return (await call("POST", "files", { body: form })).json.id as string;
  };
  const settle = async (path: string) => {
    for (let i = 0; i < 200; i++) {
      const got = await call("GET", path);
      if (got.json.status !== "in_progress") return got.json;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`${path} did not settle`);
  };
  beforeAll(async () => {
    emulator = await startEmulator({ timeScale: 0 });
    call = resourceCaller(emulator.url, "2025-04-01-preview").call;
    v1 = resourceCaller(emulator.url, "v1").call;
  });
  afterAll(() => emulator.close());

  it("creates, lists, updates and deletes stores on the dated route and on v1", async () => {
    const created = await call("POST", "vector_stores", {
      body: { name: "docs", metadata: { team: "a" }, expires_after: { anchor: "last_active_at", days: 7 } },
    });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({
      object: "vector_store",
      name: "docs",
      status: "completed",
      usage_bytes: 0,
      file_counts: { in_progress: 0, completed: 0, failed: 0, cancelled: 0, total: 0 },
      metadata: { team: "a" },
      expires_after: { anchor: "last_active_at", days: 7 },
    });
    expect(created.json.id).toMatch(/^vs_/);
    const id = created.json.id as string;
    expect((await v1("GET", `vector_stores/${id}`)).json.id).toBe(id);
    const updated = await v1("POST", `vector_stores/${id}`, {
      body: { name: "renamed", expires_after: null },
    });
    expect(updated.json).toMatchObject({ name: "renamed", expires_at: null });
    expect(updated.json.expires_after).toBeUndefined();
    const second = (await call("POST", "vector_stores", { body: {} })).json.id;
    const page = await call("GET", "vector_stores", { query: "limit=1" });
    expect(page.json).toMatchObject({ object: "list", has_more: true, first_id: second });
    const next = await call("GET", "vector_stores", { query: `limit=1&after=${second}` });
    expect(next.json.data[0].id).toBe(id);
    const third = (await call("POST", "vector_stores", { body: {} })).json.id;
    // `before` is the page just before the cursor: the nearest items to it.
    const back = await call("GET", "vector_stores", { query: `limit=1&before=${id}` });
    expect(back.json).toMatchObject({ first_id: second, has_more: true });
    const all = await call("GET", "vector_stores", { query: `before=${id}` });
    expect(all.json.data.map((s: { id: string }) => s.id)).toEqual([third, second]);
    expect((await call("DELETE", `vector_stores/${id}`)).json).toEqual({
      id,
      object: "vector_store.deleted",
      deleted: true,
    });
    expect((await call("GET", `vector_stores/${id}`)).status).toBe(404);
  });

  it("indexes files in the background, fails what it cannot parse, and searches by similarity", async () => {
    const ids = await Promise.all(Object.entries(DOCS).map(([name, text]) => upload(text, name)));
    const binary = await upload(new Uint8Array([0xff, 0xfe, 0, 1, 2]), "blob.txt");
    const image = await upload("not really", "photo.png");
    const store = (
      await call("POST", "vector_stores", {
        body: { file_ids: ids.slice(0, 1) },
        headers: { [TIME_SCALE_HEADER]: "0.05" },
      })
    ).json;
    expect(store.status).toBe("in_progress");
    expect(store.file_counts).toMatchObject({ in_progress: 1, total: 1 });
    // `attributes` on a file batch is the v1 API's (the dated spec's request has none).
    const batch = await v1("POST", `vector_stores/${store.id}/file_batches`, {
      body: { file_ids: [...ids.slice(1), binary, image], attributes: { kind: "doc", year: 2024 } },
    });
    expect(batch.json).toMatchObject({
      object: "vector_store.files_batch",
      status: "in_progress",
      vector_store_id: store.id,
      file_counts: { in_progress: 4, total: 4 },
    });
    const done = await settle(`vector_stores/${store.id}/file_batches/${batch.json.id}`);
    expect(done).toMatchObject({ status: "completed", file_counts: { completed: 2, failed: 2, total: 4 } });
    const failed = await call("GET", `vector_stores/${store.id}/files`, { query: "filter=failed" });
    expect(
      failed.json.data.map((f: { id: string; last_error: { code: string } }) => [f.id, f.last_error.code]),
    ).toEqual(
      expect.arrayContaining([
        [binary, "invalid_file"],
        [image, "unsupported_file"],
      ]),
    );
    const settled = await settle(`vector_stores/${store.id}`);
    expect(settled).toMatchObject({
      status: "completed",
      file_counts: { completed: 3, failed: 2, total: 5 },
    });
    expect(settled.usage_bytes).toBeGreaterThan(0);

    const found = await call("POST", `vector_stores/${store.id}/search`, {
      body: { query: "How does the Rust compiler check ownership?", max_num_results: 2 },
    });
    expect(found.json).toMatchObject({
      object: "vector_store.search_results.page",
      search_query: ["How does the Rust compiler check ownership?"],
      has_more: false,
      next_page: null,
    });
    expect(found.json.data).toHaveLength(2);
    expect(found.json.data[0]).toMatchObject({
      file_id: ids[1],
      filename: "rust.md",
      attributes: { kind: "doc", year: 2024 },
      content: [{ type: "text", text: DOCS["rust.md"] }],
    });
    expect(found.json.data[0].score).toBeGreaterThan(found.json.data[1].score);

    const content = await call("GET", `vector_stores/${store.id}/files/${ids[2]}/content`);
    expect(content.json).toEqual({
      object: "vector_store.file_content.page",
      data: [{ type: "text", text: DOCS["tea.md"] }],
      has_more: false,
      next_page: null,
    });
  });

  it("filters search results by attributes, compound filters included, and refuses unknown operators", async () => {
    // On v1: `attributes` when adding a file is not in the dated spec, and v1 search is judged by
    // the route alone (the dated route checks it against the spec first).
    const ids = await Promise.all(Object.entries(DOCS).map(([name, text]) => upload(text, name)));
    const store = (await v1("POST", "vector_stores", { body: {} })).json.id;
    for (const [i, id] of ids.entries())
      await v1("POST", `vector_stores/${store}/files`, {
        body: { file_id: id, attributes: { year: 2022 + i, lang: i === 1 ? "en" : "fr" } },
      });
    await settle(`vector_stores/${store}`);
    const search = async (filters: unknown) =>
      (await v1("POST", `vector_stores/${store}/search`, { body: { query: "cats", filters } })).json.data
        .map((r: { file_id: string }) => ids.indexOf(r.file_id))
        .sort();
    expect(await search({ type: "gte", key: "year", value: 2023 })).toEqual([1, 2]);
    expect(await search({ type: "eq", key: "lang", value: "en" })).toEqual([1]);
    expect(
      await search({
        type: "or",
        filters: [
          { type: "lt", key: "year", value: 2023 },
          {
            type: "and",
            filters: [
              { type: "ne", key: "lang", value: "fr" },
              { type: "gt", key: "year", value: 2022 },
            ],
          },
        ],
      }),
    ).toEqual([0, 1]);
    expect(await search({ type: "eq", key: "missing", value: 1 })).toEqual([]);
    const bad = await v1("POST", `vector_stores/${store}/search`, {
      body: { query: "cats", filters: { type: "like", key: "lang", value: "e" } },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: "invalidPayload", param: "filters.type" });

    const updated = await v1("POST", `vector_stores/${store}/files/${ids[0]}`, {
      body: { attributes: { year: 1999 } },
    });
    expect(updated.json.attributes).toEqual({ year: 1999 });
    expect(await search({ type: "eq", key: "year", value: 1999 })).toEqual([0]);
    const gone = await v1("DELETE", `vector_stores/${store}/files/${ids[0]}`);
    expect(gone.json).toEqual({ id: ids[0], object: "vector_store.file.deleted", deleted: true });
    expect((await v1("GET", `vector_stores/${store}/files/${ids[0]}`)).status).toBe(404);
  });

  it("chunks by the static strategy asked for and refuses bad sizes", async () => {
    const words = Array.from({ length: 250 }, (_, i) => `w${i}`).join(" ");
    const id = await upload(words, "long.txt");
    const store = (await call("POST", "vector_stores", { body: {} })).json.id;
    const added = await call("POST", `vector_stores/${store}/files`, {
      body: {
        file_id: id,
        chunking_strategy: {
          type: "static",
          static: { max_chunk_size_tokens: 100, chunk_overlap_tokens: 50 },
        },
      },
    });
    expect(added.json.chunking_strategy).toEqual({
      type: "static",
      static: { max_chunk_size_tokens: 100, chunk_overlap_tokens: 50 },
    });
    await settle(`vector_stores/${store}`);
    const found = await call("POST", `vector_stores/${store}/search`, {
      body: { query: "w0", max_num_results: 50 },
    });
    const texts = found.json.data.map((r: { content: { text: string }[] }) => r.content[0]!.text);
    // 250 tokens in chunks of 100 every 50: starts at 0, 50, 100, 150.
    expect(texts).toHaveLength(4);
    expect(texts.every((t: string) => t.split(" ").length <= 100)).toBe(true);
    expect(texts).toContain(words.split(" ").slice(50, 150).join(" "));
    const tooMuch = await call("POST", `vector_stores/${store}/files`, {
      body: {
        file_id: id,
        chunking_strategy: {
          type: "static",
          static: { max_chunk_size_tokens: 100, chunk_overlap_tokens: 51 },
        },
      },
    });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.json.error.param).toBe("chunking_strategy.static.chunk_overlap_tokens");
    const auto = await call("POST", `vector_stores/${store}/files`, {
      body: { file_id: id, chunking_strategy: { type: "auto" } },
    });
    expect(auto.json.chunking_strategy.static).toEqual({
      max_chunk_size_tokens: 800,
      chunk_overlap_tokens: 400,
    });
  });

  it("cancels a batch's files not yet indexed, refuses over 500 ids and unknown files", async () => {
    const ids = await Promise.all(Object.entries(DOCS).map(([name, text]) => upload(text, name)));
    const store = (await call("POST", "vector_stores", { body: {}, headers: { [TIME_SCALE_HEADER]: "100" } }))
      .json.id;
    const batch = (await call("POST", `vector_stores/${store}/file_batches`, { body: { file_ids: ids } }))
      .json;
    const cancelled = await call("POST", `vector_stores/${store}/file_batches/${batch.id}/cancel`);
    expect(cancelled.json).toMatchObject({ status: "cancelled", file_counts: { cancelled: 3, total: 3 } });
    const again = await call("POST", `vector_stores/${store}/file_batches/${batch.id}/cancel`);
    expect(again.status).toBe(400);
    const listed = await call("GET", `vector_stores/${store}/file_batches/${batch.id}/files`, {
      query: "filter=cancelled",
    });
    expect(listed.json.data).toHaveLength(3);
    const many = await call("POST", `vector_stores/${store}/file_batches`, {
      body: { file_ids: Array.from({ length: 501 }, (_, i) => `file-${i}`) },
    });
    expect(many.status).toBe(400);
    expect(many.json.error.param).toBe("file_ids");
    const unknown = await call("POST", `vector_stores/${store}/files`, { body: { file_id: "file-nope" } });
    expect(unknown.status).toBe(404);
  });

  it("expires a store after its days of inactivity (scaled), and refuses to search it", async () => {
    const store = (
      await call("POST", "vector_stores", {
        body: { expires_after: { anchor: "last_active_at", days: 1 } },
        headers: { [TIME_SCALE_HEADER]: "0.000001" },
      })
    ).json;
    expect(store.status).toBe("completed");
    expect(store.expires_at).toBeGreaterThanOrEqual(store.last_active_at);
    await new Promise((r) => setTimeout(r, 120));
    expect((await call("GET", `vector_stores/${store.id}`)).json.status).toBe("expired");
    const search = await call("POST", `vector_stores/${store.id}/search`, { body: { query: "x" } });
    expect(search.status).toBe(400);
  });

  it("has no vector stores on the GA versions", async () => {
    const ga = resourceCaller(emulator.url, "2024-10-21").call;
    expect((await ga("GET", "vector_stores")).status).toBe(404);
  });
});
