// Embeddings only with openai: create the client, embed.
import { AzureOpenAI } from "openai";

export async function run(endpoint: string, apiKey: string): Promise<number> {
  const client = new AzureOpenAI({
    endpoint,
    apiKey,
    apiVersion: "2024-10-21",
    deployment: "text-embedding-3-large",
  });
  const result = await client.embeddings.create({
    model: "text-embedding-3-large",
    input: ["Hello", "world"],
  });
  return result.data[0]!.embedding.length;
}
