import { type BenchClient, MESSAGES, STREAM_CHUNKS_HEADER, type Target } from "./types.ts";

/**
 * The floor: a hand-written request with global fetch, a manual SSE split and JSON.parse, and for
 * embeddings base64 decoded straight into Float32Array. No retries, no validation, no typed errors.
 */
export function fetchClient(t: Target): BenchClient {
  const url = (endpoint: string, deployment: string, op: string) =>
    `${endpoint}/openai/deployments/${deployment}/${op}?api-version=${t.apiVersion}`;
  const post = (u: string, body: unknown, extra: Record<string, string> = {}) =>
    fetch(u, {
      method: "POST",
      headers: { "api-key": t.apiKey, "content-type": "application/json", ...extra },
      body: JSON.stringify(body),
    });
  const chatUrl = url(t.endpoint, t.chatDeployment, "chat/completions");
  const embedUrl = url(t.embeddingsEndpoint, t.embeddingDeployment, "embeddings");

  return {
    async chat() {
      const res = await post(chatUrl, { messages: MESSAGES });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const json = (await res.json()) as { choices: { message: { content: string } }[] };
      return json.choices[0]!.message.content;
    },

    async stream(chunks, onChunk) {
      const res = await post(
        chatUrl,
        { messages: MESSAGES, stream: true },
        { [STREAM_CHUNKS_HEADER]: String(chunks) },
      );
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      const decoder = new TextDecoder();
      let buffer = "";
      for await (const bytes of res.body) {
        buffer += decoder.decode(bytes, { stream: true });
        let start = 0;
        for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n", start)) {
          const data = buffer.slice(start + 6, end); // "data: "
          start = end + 2;
          if (data === "[DONE]") return;
          onChunk(JSON.parse(data));
        }
        buffer = buffer.slice(start);
      }
      throw new Error("stream ended before [DONE]");
    },

    async embed(inputs) {
      const res = await post(embedUrl, { input: inputs, encoding_format: "base64" });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const json = (await res.json()) as { data: { embedding: string }[] };
      const vectors = json.data.map((d) => {
        const bytes = Buffer.from(d.embedding, "base64");
        const v = new Float32Array(bytes.length / 4);
        new Uint8Array(v.buffer).set(bytes);
        return v;
      });
      return { count: vectors.length, dims: vectors[0]!.length };
    },
  };
}
