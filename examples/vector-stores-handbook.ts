// Index a folder of markdown files and search it: the files are uploaded (a few at a time), added
// to a vector store in one file batch, waited for with progress, then searched, with and without
// an attribute filter. The same store is what a Responses `file_search` tool would read.
import { FileClient } from "@aoai/files";
import { uploadAndIndex, VectorStoreClient } from "@aoai/vector-stores";
import { connect } from "./connect.ts";

const folder = new URL("./handbook", import.meta.url).pathname;
// Vector stores are on the previews and the v1 API, not on the GA dated versions.
const { client, emulated, close } = await connect({ apiVersion: "2025-04-01-preview" });
// On the emulator, indexing runs 100 times faster and the waits poll often.
const fast = emulated ? { headers: { "x-aoai-emulator-time-scale": "0.01" } } : {};
const polling = emulated ? { pollInterval: 20, maxPollInterval: 100 } : {};
const stores = new VectorStoreClient(client);
const store = await stores.create(
  { name: "handbook", expires_after: { anchor: "last_active_at", days: 1 } },
  fast,
);
try {
  const indexed = await uploadAndIndex(
    stores,
    new FileClient(client),
    store.id,
    {
      files: folder,
      chunking_strategy: { type: "static", static: { max_chunk_size_tokens: 200, chunk_overlap_tokens: 50 } },
    },
    {
      ...polling,
      concurrency: 4,
      include: (path) => path.endsWith(".md"),
      onProgress: (c) =>
        console.log(`indexing: ${c.completed} done, ${c.in_progress} in progress, ${c.failed} failed`),
    },
  );
  console.log(`indexed ${indexed.file_counts.completed} of ${indexed.uploaded} files into ${store.id}`);
  for (const f of indexed.failed) console.log(`  not indexed: ${f.name} (${f.code}: ${f.message})`);

  // Tag the IT documents, so a search can keep to them.
  for await (const file of stores.listFiles(store.id, { filter: "completed" })) {
    const text = (await stores.fileContent(store.id, file.id)).data.map((d) => d.text).join("");
    await stores.updateFile(store.id, file.id, { attributes: { team: text.includes("IT") ? "it" : "hr" } });
  }

  for (const query of ["How many vacation days do I get?", "What do I do with a broken laptop?"]) {
    const results = await stores.search(store.id, { query, max_num_results: 2 });
    console.log(`\n${query}`);
    for (const r of results.data)
      console.log(`  ${r.score.toFixed(3)}  ${r.filename}: ${r.content[0]?.text.split("\n")[2]}`);
  }
  const it = await stores.search(store.id, {
    query: "first day",
    filters: { type: "eq", key: "team", value: "it" },
  });
  console.log(`\n"first day", IT documents only: ${it.data.map((r) => r.filename).join(", ")}`);
} finally {
  await stores.delete(store.id);
  await close();
}
