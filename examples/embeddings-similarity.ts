// A batch of documents and a query, ranked by cosine similarity. `embedMany` takes any number of
// inputs (it splits them into requests of at most 2048 and keeps input order).
import { cosineSimilarity, EmbeddingClient, embedMany } from "@aoai/embeddings";
import { connect } from "./connect.ts";

const documents = [
  "The Eiffel Tower is in Paris.",
  "Photosynthesis turns light into chemical energy.",
  "The Louvre is the world's most-visited museum.",
  "TypeScript adds static types to JavaScript.",
  "Paris is the capital of France.",
  "Azure OpenAI serves OpenAI models on Azure.",
];
const query = "What is there to see in Paris?";

const { client, embeddingDeployment, emulated, close } = await connect();
try {
  const embeddings = new EmbeddingClient(client, embeddingDeployment);

  const docs = await embedMany(embeddings, { input: documents, dimensions: 1024 });
  const [q] = (await embeddings.embed({ input: query, dimensions: 1024 })).data;

  const ranked = docs.data
    .map((d) => ({ text: documents[d.index]!, score: cosineSimilarity(q!.embedding, d.embedding) }))
    .sort((a, b) => b.score - a.score);

  console.log(`query: ${query}`);
  for (const { text, score } of ranked) console.log(`  ${score.toFixed(4)}  ${text}`);
  console.log(
    `tokens: ${docs.usage.prompt_tokens} for ${docs.data.length} documents; request ids: ${docs._responses.map((r) => r?.requestId).join(", ")}`,
  );
  // The emulator's vectors are deterministic but carry no meaning, so only a real deployment ranks
  // the Paris sentences first.
  if (emulated) console.log("(emulator: the ranking is arbitrary)");
} finally {
  await close();
}
