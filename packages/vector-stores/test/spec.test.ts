import { AzureOpenAIClient } from "@aoai/core";
import { FileClient } from "@aoai/files";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { waitForPrism } from "../../../test-utils/prism.js";
import { VectorStoreClient } from "../src/vector-store-client.js";
import { fast, timeScale } from "./helpers.js";

// Two quirks of the spec's responses, allowed here; every request, and every other response, must
// pass. vectorStoreObject lists `bytes` as required but declares only `usage_bytes` (which the
// service sends), so Prism reports every vector store answer; and the lists type `first_id` and
// `last_id` as strings, while an empty page has `null` for both.
const QUIRK =
  /^Response body.* must have required property 'bytes'$|^Response body property (first|last)_id must be string$/;

interface Violation {
  location: string[];
  message: string;
}

/** The call's result, or `undefined` when Prism's only complaint is the spec's `bytes` quirk. */
async function checked<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    const message = (error as Error).message;
    const problem = JSON.parse(message.slice(message.indexOf("{"), message.lastIndexOf("}") + 1)) as {
      validation?: Violation[];
    };
    const violations = problem.validation ?? [];
    if (
      violations.length === 0 ||
      violations.some((v) => v.location[0] !== "response" || !QUIRK.test(v.message))
    )
      throw error;
    return undefined;
  }
}

describe("requests validated by Prism against 2025-04-01-preview", () => {
  const preview = inject("prismPreviewUrl");
  beforeAll(() => waitForPrism(preview), 90_000);

  it("every call", async () => {
    const client = new AzureOpenAIClient({
      endpoint: preview,
      apiKey: inject("emulatorApiKey"),
      apiVersion: "2025-04-01-preview",
      maxRetries: 0,
    });
    const stores = new VectorStoreClient(client);
    // Prism cannot check uploads: the committed inference specs have no files routes.
    const files = new FileClient(
      new AzureOpenAIClient({
        endpoint: inject("emulatorUrl"),
        apiKey: inject("emulatorApiKey"),
        maxRetries: 0,
      }),
    );
    const file = await files.upload(
      { file: new File(["Tea is steeped."], "tea.md"), purpose: "assistants" },
      timeScale(0),
    );
    const name = `spec-${Date.now()}`;
    const created = await checked(() =>
      stores.create(
        {
          name,
          file_ids: [file.id],
          chunking_strategy: {
            type: "static",
            static: { max_chunk_size_tokens: 200, chunk_overlap_tokens: 100 },
          },
          expires_after: { anchor: "last_active_at", days: 3 },
          metadata: { a: "b" },
        },
        timeScale(0),
      ),
    );
    expect(created).toBeUndefined();
    const direct = new VectorStoreClient(
      new AzureOpenAIClient({
        endpoint: inject("emulatorUrl"),
        apiKey: inject("emulatorApiKey"),
        apiVersion: "2025-04-01-preview",
      }),
    );
    let store = { id: "" };
    for await (const s of direct.list()) if (s.name === name) store = s;
    expect(store.id).toMatch(/^vs_/);
    await checked(() => stores.update(store.id, { name: "renamed", metadata: null }));
    await checked(() => stores.retrieve(store.id));
    await checked(() => stores.list({ limit: 2, order: "asc" }).then());
    await stores.addFile(store.id, { file_id: file.id, chunking_strategy: { type: "auto" } });
    await checked(() => stores.listFiles(store.id, { filter: "completed", limit: 5 }).then());
    await stores.retrieveFile(store.id, file.id);
    await stores.updateFile(store.id, file.id, { attributes: { year: 2024, lang: "en", draft: false } });
    await stores.fileContent(store.id, file.id);
    const batch = await stores.createFileBatch(store.id, { file_ids: [file.id] });
    await stores.waitForFileBatch(store.id, batch.id, fast);
    await checked(() => stores.listFileBatchFiles(store.id, batch.id, { filter: "failed" }).then());
    await stores.search(store.id, {
      query: ["tea", "steeped"],
      filters: { type: "gte", key: "year", value: 2020 },
      max_num_results: 5,
      ranking_options: { ranker: "auto", score_threshold: 0.1 },
      rewrite_query: false,
    });
    // CompoundFilter's items are `oneOf [ComparisonFilter, {$recursiveRef: "#"}]`, and Prism
    // resolves "#" to the whole document, which any object matches: a comparison inside a
    // compound matches both branches and is reported. The compound's own shape is checked here,
    // its items as the comparison above.
    await stores.search(store.id, { query: "tea", filters: { type: "or", filters: [] } });
    const batch2 = await stores.createFileBatch(store.id, { file_ids: [file.id] });
    await stores.cancelFileBatch(store.id, batch2.id).catch(() => undefined);
    await stores.deleteFile(store.id, file.id);
    expect((await stores.delete(store.id)).deleted).toBe(true);
  });

  it("Prism really checks these requests: an off-spec body is reported", async () => {
    const res = await fetch(`${preview}/openai/vector_stores/vs_x/search?api-version=2025-04-01-preview`, {
      method: "POST",
      headers: { "api-key": inject("emulatorApiKey"), "content-type": "application/json" },
      body: JSON.stringify({ query: "x", max_num_results: 51 }),
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { validation: Violation[] };
    expect(problem.validation[0]!.location).toEqual(["body", "max_num_results"]);
  });
});
