// Ask a question about your own documents: a few markdown files are uploaded and indexed into a
// vector store, then a Responses call with the file_search tool searches that store and answers,
// citing the files it used. The same store is what `stores.search()` searches
// (vector-stores-handbook.ts).
import { FileClient } from "@aoai/files";
import { ResponseClient } from "@aoai/responses";
import { uploadAndIndex, VectorStoreClient } from "@aoai/vector-stores";
import { connect } from "./connect.ts";

const docs = {
  "vacation.md":
    "# Vacation\nEveryone gets 25 days of paid vacation a year. Unused days carry over until March.",
  "laptops.md": "# Laptops\nA broken laptop goes to the IT desk on floor 2; you get a loaner the same day.",
  "expenses.md": "# Expenses\nSubmit travel expenses within 30 days, with the receipts, in the expenses app.",
};

// The v1 API has both vector stores and the Responses API.
const { client, responsesDeployment, emulated, close } = await connect({ apiVersion: "v1" });
// On the emulator, indexing runs at once and the wait polls often.
const fast = emulated ? { headers: { "x-aoai-emulator-time-scale": "0" } } : {};
const polling = emulated ? { pollInterval: 20, maxPollInterval: 100 } : {};
const stores = new VectorStoreClient(client);
const store = await stores.create(
  { name: "faq", expires_after: { anchor: "last_active_at", days: 1 } },
  fast,
);
try {
  const files = Object.entries(docs).map(([name, text]) => new File([text], name));
  const indexed = await uploadAndIndex(stores, new FileClient(client), store.id, { files }, polling);
  console.log(`indexed ${indexed.file_counts.completed} of ${indexed.uploaded} files into ${store.id}`);

  const responses = new ResponseClient(client, responsesDeployment);
  for (const question of ["How many vacation days do I get?", "What do I do with a broken laptop?"]) {
    const response = await responses.create({
      input: question,
      tools: [{ type: "file_search", vector_store_ids: [store.id], max_num_results: 3 }],
      include: ["file_search_call.results"],
    });
    console.log(`\n${question}\n${response.output_text}`);
    for (const item of response.output) {
      if (item.type === "file_search_call")
        console.log(`  searched for ${JSON.stringify(item.queries)}: ${item.results?.length ?? 0} results`);
      if (item.type !== "message") continue;
      for (const part of item.content)
        if (part.type === "output_text")
          for (const a of part.annotations)
            if (a.type === "file_citation") console.log(`  cites ${a.filename ?? a.file_id} (at ${a.index})`);
    }
  }
} finally {
  await stores.delete(store.id);
  await close();
}
