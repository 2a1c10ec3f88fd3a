// Embeddings only with @aoai: create the client, embed.
import { AzureOpenAIClient } from "@aoai/core";
import { EmbeddingClient } from "@aoai/embeddings";

export async function run(endpoint: string, apiKey: string): Promise<number> {
  const embeddings = new EmbeddingClient(
    new AzureOpenAIClient({ endpoint, apiKey }),
    "text-embedding-3-large",
  );
  const result = await embeddings.embed({ input: ["Hello", "world"] });
  return result.data[0]!.embedding.length;
}
