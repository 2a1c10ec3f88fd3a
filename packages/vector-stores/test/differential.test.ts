import { AzureOpenAIClient } from "@aoai/core";
import { type Emulator, startEmulator } from "@aoai/emulator";
import { FileClient } from "@aoai/files";
import { AzureOpenAI } from "openai";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { VectorStoreSearchRequest } from "../src/request-types.js";
import { VectorStoreClient } from "../src/vector-store-client.js";

// The same calls through `openai`'s AzureOpenAI and through this package, against the emulator:
// each pair must send the same method, path, query and body.
let emulator: Emulator;
let theirs: AzureOpenAI;
let ours: VectorStoreClient;
let fileIds: string[];
const API_VERSION = "2025-04-01-preview";

beforeAll(async () => {
  emulator = await startEmulator({ timeScale: 0 });
  theirs = new AzureOpenAI({
    endpoint: emulator.url,
    apiKey: emulator.apiKey,
    apiVersion: API_VERSION,
    maxRetries: 0,
  });
  const client = new AzureOpenAIClient({
    endpoint: emulator.url,
    apiKey: emulator.apiKey,
    apiVersion: API_VERSION,
    maxRetries: 0,
  });
  ours = new VectorStoreClient(client);
  const files = new FileClient(client);
  fileIds = await Promise.all(
    ["a.md", "b.md"].map(
      async (name) => (await files.upload({ file: new File([`# ${name}`], name), purpose: "assistants" })).id,
    ),
  );
});
afterAll(() => emulator.close());

/** What each of two calls sent: method, path, query and body (a delete's second call gets 404). */
async function sent(a: () => Promise<unknown>, b: () => Promise<unknown>) {
  emulator.clearRequests();
  await a();
  await b().catch(() => undefined);
  return emulator.requests.map(({ method, path, query, body }) => ({ method, path, query, body }));
}

it("sends what openai sends for every call", async () => {
  const create = {
    name: "same",
    file_ids: [fileIds[0]!],
    chunking_strategy: {
      type: "static" as const,
      static: { max_chunk_size_tokens: 300, chunk_overlap_tokens: 100 },
    },
    expires_after: { anchor: "last_active_at" as const, days: 2 },
    metadata: { k: "v" },
  };
  let store = "";
  const pairs = [
    await sent(
      async () => {
        store = (await theirs.vectorStores.create(create)).id;
      },
      () => ours.create(create),
    ),
    await sent(
      () => theirs.vectorStores.update(store, { name: "new", expires_after: null }),
      () => ours.update(store, { name: "new", expires_after: null }),
    ),
    await sent(
      () => theirs.vectorStores.list({ limit: 3, order: "asc" }),
      () => ours.list({ limit: 3, order: "asc" }).then(),
    ),
    await sent(
      () => theirs.vectorStores.retrieve(store),
      () => ours.retrieve(store),
    ),
    await sent(
      () =>
        theirs.vectorStores.files.create(store, {
          file_id: fileIds[1]!,
          chunking_strategy: { type: "auto" },
        }),
      () => ours.addFile(store, { file_id: fileIds[1]!, chunking_strategy: { type: "auto" } }),
    ),
    await sent(
      () => theirs.vectorStores.files.list(store, { filter: "completed", limit: 5 }),
      () => ours.listFiles(store, { filter: "completed", limit: 5 }).then(),
    ),
    await sent(
      () => theirs.vectorStores.files.retrieve(fileIds[1]!, { vector_store_id: store }),
      () => ours.retrieveFile(store, fileIds[1]!),
    ),
    await sent(
      () =>
        theirs.vectorStores.files.update(fileIds[1]!, {
          vector_store_id: store,
          attributes: { year: 2024, en: true },
        }),
      () => ours.updateFile(store, fileIds[1]!, { attributes: { year: 2024, en: true } }),
    ),
    await sent(
      () => theirs.vectorStores.files.content(fileIds[1]!, { vector_store_id: store }),
      () => ours.fileContent(store, fileIds[1]!),
    ),
  ];
  const search: VectorStoreSearchRequest = {
    query: ["a", "b"],
    filters: {
      type: "and",
      filters: [
        { type: "eq", key: "en", value: true },
        { type: "gte", key: "year", value: 2020 },
      ],
    },
    max_num_results: 3,
    ranking_options: { ranker: "auto", score_threshold: 0.1 },
    rewrite_query: true,
  };
  // openai types `ranker` as its own enum; this package also takes any string the service adds.
  pairs.push(
    await sent(
      () => theirs.vectorStores.search(store, search as never),
      () => ours.search(store, search),
    ),
  );
  let batch = "";
  pairs.push(
    await sent(
      async () => {
        batch = (await theirs.vectorStores.fileBatches.create(store, { file_ids: fileIds })).id;
      },
      () => ours.createFileBatch(store, { file_ids: fileIds }),
    ),
    await sent(
      () => theirs.vectorStores.fileBatches.retrieve(batch, { vector_store_id: store }),
      () => ours.retrieveFileBatch(store, batch),
    ),
    await sent(
      () => theirs.vectorStores.fileBatches.listFiles(batch, { vector_store_id: store, filter: "failed" }),
      () => ours.listFileBatchFiles(store, batch, { filter: "failed" }).then(),
    ),
    await sent(
      () => theirs.vectorStores.files.delete(fileIds[1]!, { vector_store_id: store }),
      () => ours.deleteFile(store, fileIds[1]!),
    ),
    await sent(
      () => theirs.vectorStores.delete(store),
      () => ours.delete(store),
    ),
  );
  for (const [a, b] of pairs) {
    expect(b, a?.path).toEqual(a);
    expect(a!.path).toMatch(/^\/openai\/vector_stores/);
  }
  expect(pairs).toHaveLength(15);
});
