// Budget: 9.25 KB gzip. A browser app that only searches a vector store.
import { AzureOpenAIClient } from "@aoai/core";
import { VectorStoreSearchClient } from "@aoai/vector-stores";

const client = new AzureOpenAIClient({ endpoint: "https://example.openai.azure.com", apiKey: "key" });
const stores = new VectorStoreSearchClient(client);
const results = await stores.search("vs_abc123", {
  query: "How many vacation days do I get?",
  filters: { type: "eq", key: "team", value: "hr" },
  max_num_results: 5,
});
for (const result of results.data) console.log(result.score, result.filename, result.content[0]?.text);
