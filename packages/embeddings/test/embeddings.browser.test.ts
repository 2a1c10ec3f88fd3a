import { AzureOpenAIClient } from "@aoai/core";
import { base64ToBytes, decodeWithAtob } from "@aoai/core/internal";
import { describe, expect, inject, it } from "vitest";
import { cosineSimilarity } from "../src/cosine-similarity.js";
import { embedMany } from "../src/embed-many.js";
import { EmbeddingClient } from "../src/embedding-client.js";

// Headless Chromium, real fetch to the shared emulator on 127.0.0.1 (it sends CORS headers).
describe("@aoai/embeddings in a browser", () => {
  const client = () =>
    new EmbeddingClient(
      new AzureOpenAIClient({
        endpoint: inject("emulatorUrl"),
        apiKey: inject("emulatorApiKey"),
        maxRetries: 0,
      }),
      "text-embedding-3-large",
    );

  it("runs without Node's Buffer", () => {
    expect((globalThis as { Buffer?: unknown }).Buffer).toBeUndefined();
  });

  it("embeds over base64 into Float32Array, with the request id", async () => {
    const r = await client().embed({
      input: ["The food was delicious", "The waiter was rude"],
      dimensions: 256,
    });
    expect(r.data).toHaveLength(2);
    expect(r.data[0]!.embedding).toBeInstanceOf(Float32Array);
    expect(r.data[0]!.embedding).toHaveLength(256);
    expect(cosineSimilarity(r.data[0]!.embedding, r.data[0]!.embedding)).toBeCloseTo(1, 5);
    expect(r._response.requestId).toBeTypeOf("string");
  });

  it("gets the same vectors over float and base64", async () => {
    const emb = client();
    const a = await emb.embed({ input: "hello", dimensions: 16 });
    const b = await emb.embed(
      { input: "hello", dimensions: 16, encoding_format: "float" },
      { embeddingType: "number[]" },
    );
    for (const [i, x] of a.data[0]!.embedding.entries()) expect(x).toBeCloseTo(b.data[0]!.embedding[i]!, 6);
  });

  it("decodes base64 natively and with atob to the same bytes", () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 31) % 256);
    let binary = "";
    for (const b of bytes) binary += String.fromCharCode(b);
    const b64 = btoa(binary);
    expect(Array.from(base64ToBytes(b64))).toEqual(Array.from(bytes));
    expect(Array.from(decodeWithAtob(b64))).toEqual(Array.from(bytes));
  });

  it("embeds many in batches", async () => {
    const inputs = Array.from({ length: 25 }, (_, i) => `item ${i}`);
    const r = await embedMany(client(), { input: inputs, dimensions: 8 }, { batchSize: 10, concurrency: 2 });
    expect(r.data.map((d) => d.index)).toEqual(inputs.map((_, i) => i));
    expect(r._responses).toHaveLength(3);
    expect(r._response.requestId).toBeTypeOf("string");
  });
});
