import { AzureOpenAIClient, InvalidInputError } from "@aoai/core";
import { FileClient } from "@aoai/files";
import { expect, inject, it } from "vitest";
import { uploadAndIndex, VectorStoreClient, VectorStoreSearchClient } from "../src/index.js";

// Headless Chromium, real fetch to the shared emulator on 127.0.0.1 (it sends CORS headers).
const scale = (s: number) => ({ headers: { "x-aoai-emulator-time-scale": String(s) } });

it("indexes files from the page and searches them with filters", async () => {
  expect((globalThis as { Buffer?: unknown }).Buffer).toBeUndefined();
  const client = new AzureOpenAIClient({
    endpoint: inject("emulatorUrl"),
    apiKey: inject("emulatorApiKey"),
    apiVersion: "2025-04-01-preview",
    maxRetries: 0,
  });
  const stores = new VectorStoreClient(client);
  const store = await stores.create({ name: "browser" }, scale(0));
  const result = await uploadAndIndex(
    stores,
    new FileClient(client),
    store.id,
    {
      files: [
        new File(["# Cats\nCats purr and sleep in the sun."], "cats.md"),
        new File(["# Tea\nGreen tea is steeped for two minutes."], "tea.md"),
      ],
    },
    { pollInterval: 5 },
  );
  expect(result.failed).toEqual([]);
  expect(result.file_counts.completed).toBe(2);
  // Both files were made in the same second, so list order cannot tell them apart: find cats.md by name.
  const listed = (await stores.listFiles(store.id)).data;
  const names = await Promise.all(
    listed.map(async (f) => (await new FileClient(client).retrieve(f.id)).filename),
  );
  const cats = listed[names.indexOf("cats.md")];
  await stores.updateFile(store.id, cats!.id, { attributes: { topic: "pets" } });

  const search = new VectorStoreSearchClient(client);
  const results = await search.search(store.id, { query: "green tea", max_num_results: 1 });
  expect(results.data[0]).toMatchObject({ filename: "tea.md", content: [{ type: "text" }] });
  expect(results.data[0]!.score).toBeGreaterThan(0);
  expect(results._response.requestId).toBeTruthy();
  const filtered = await search.search(store.id, {
    query: "green tea",
    filters: { type: "eq", key: "topic", value: "pets" },
  });
  expect(filtered.data.map((r) => r.filename)).toEqual(["cats.md"]);
  await expect(
    search.search(store.id, { query: "tea", filters: { type: "like" as "eq", key: "topic", value: "p" } }),
  ).rejects.toBeInstanceOf(InvalidInputError);
  // A folder is a Node thing: the page gets a clear error before anything is uploaded.
  await expect(
    uploadAndIndex(stores, new FileClient(client), store.id, { files: "./docs" }),
  ).rejects.toMatchObject({
    param: "files",
  });
});
