// The docs' single embedding (.NET: `azureClient.GetEmbeddingClient("text-embedding-3-large")`
// then `GenerateEmbedding(description)`): one text in, one Float32Array out.
import { EmbeddingClient } from "@aoai/embeddings";
import { connect } from "./connect.ts";

const { client, embeddingDeployment, close } = await connect();
try {
  const embeddings = new EmbeddingClient(client, embeddingDeployment);

  const description = "This is a test embedding";
  const result = await embeddings.embed({ input: description });
  const vector = result.data[0]!.embedding; // Float32Array, decoded from base64 without copying

  console.log(
    `${vector.length} dimensions:`,
    Array.from(vector.subarray(0, 5), (x) => x.toFixed(4)).join(", "),
    "…",
  );
  console.log(
    "model:",
    result.model,
    "| prompt tokens:",
    result.usage.prompt_tokens,
    "| request id:",
    result._response.requestId,
  );

  // Shorter vectors (text-embedding-3 and later), as plain number[] this time.
  const short = await embeddings.embed(
    { input: description, dimensions: 256 },
    { embeddingType: "number[]" },
  );
  console.log("with dimensions 256:", short.data[0]!.embedding.length, "numbers");
} finally {
  await close();
}
