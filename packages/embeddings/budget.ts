// Budget: 9.5 KB gzip. A browser app that only embeds.
import { AzureOpenAIClient } from "@aoai/core";
import { EmbeddingClient } from "@aoai/embeddings";

const client = new AzureOpenAIClient({ endpoint: "https://example.openai.azure.com", apiKey: "key" });
const embeddings = new EmbeddingClient(client, "text-embedding-3-large");
const result = await embeddings.embed({ input: ["hello", "world"] });
console.log(result.data[0]?.embedding);
