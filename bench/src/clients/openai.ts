import { AzureOpenAI } from "openai";
import { type BenchClient, MESSAGES, STREAM_CHUNKS_HEADER, type Target } from "./types.ts";

/**
 * The peer: openai's AzureOpenAI with its defaults. A client given `deployment` sends every call to
 * that deployment's URL, so chat and embeddings each get their own client, as users write it.
 */
export function openaiClient(t: Target): BenchClient {
  const make = (endpoint: string, deployment: string) =>
    new AzureOpenAI({ endpoint, apiKey: t.apiKey, apiVersion: t.apiVersion, deployment });
  let chatClient: AzureOpenAI | undefined;
  let embedClient: AzureOpenAI | undefined;
  const chat = () => (chatClient ??= make(t.endpoint, t.chatDeployment));
  const embed = () => (embedClient ??= make(t.embeddingsEndpoint, t.embeddingDeployment));

  return {
    async chat() {
      const completion = await chat().chat.completions.create({
        model: t.chatDeployment,
        messages: MESSAGES,
      });
      return completion.choices[0]?.message.content ?? "";
    },

    async stream(chunks, onChunk) {
      const stream = await chat().chat.completions.create(
        { model: t.chatDeployment, messages: MESSAGES, stream: true },
        { headers: { [STREAM_CHUNKS_HEADER]: String(chunks) } },
      );
      for await (const chunk of stream) onChunk(chunk);
    },

    async embed(inputs) {
      const result = await embed().embeddings.create({ input: inputs, model: t.embeddingDeployment });
      return { count: result.data.length, dims: result.data[0]!.embedding.length };
    },
  };
}
