import { ChatClient } from "@aoai/chat";
import { AzureOpenAIClient } from "@aoai/core";
import { EmbeddingClient } from "@aoai/embeddings";
import { type BenchClient, MESSAGES, STREAM_CHUNKS_HEADER, type Target } from "./types.ts";

/** This project: `@aoai/chat` and `@aoai/embeddings` with defaults over one `AzureOpenAIClient`. */
export function aoaiClient(t: Target): BenchClient {
  const chat = new ChatClient(
    new AzureOpenAIClient({ endpoint: t.endpoint, apiKey: t.apiKey }),
    t.chatDeployment,
  );
  const embeddings = new EmbeddingClient(
    new AzureOpenAIClient({ endpoint: t.embeddingsEndpoint, apiKey: t.apiKey }),
    t.embeddingDeployment,
  );
  return {
    async chat() {
      const completion = await chat.complete({ messages: MESSAGES });
      return completion.choices[0]?.message.content ?? "";
    },

    async stream(chunks, onChunk) {
      const stream = await chat.stream(
        { messages: MESSAGES },
        { headers: { [STREAM_CHUNKS_HEADER]: String(chunks) } },
      );
      for await (const chunk of stream) onChunk(chunk);
    },

    async embed(inputs) {
      const result = await embeddings.embed({ input: inputs });
      return { count: result.data.length, dims: result.data[0]!.embedding.length };
    },
  };
}
