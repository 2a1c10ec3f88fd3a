import { AzureOpenAIClient, InternalServerError } from "@aoai/core";
import { type Emulator, startEmulator } from "@aoai/emulator";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { embedMany } from "../src/embed-many.js";
import { EmbeddingBatchError } from "../src/embedding-batch-error.js";
import { EmbeddingClient } from "../src/embedding-client.js";
import { LARGE } from "./helpers.js";

// A private emulator, so the fault queue and the request log belong to this file alone.
describe("embedMany over HTTP", () => {
  let emulator: Emulator;
  let emb: EmbeddingClient;
  const inputs = Array.from({ length: 5000 }, (_, i) => `document number ${i}`);

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, requestLogSize: 1000 });
    emb = new EmbeddingClient(
      new AzureOpenAIClient({ endpoint: emulator.url, apiKey: emulator.apiKey, maxRetries: 0 }),
      LARGE,
    );
  });
  beforeEach(() => emulator.reset());
  afterAll(() => emulator.close());

  it("embeds 5000 inputs in batches of 2048, in input order, with usage summed", async () => {
    const result = await embedMany(emb, { input: inputs, dimensions: 64 });
    const batches = emulator.requests.filter((r) => r.path.endsWith("/embeddings"));
    expect(batches.map((r) => (r.body as { input: string[] }).input.length).sort()).toEqual([
      2048, 2048, 904,
    ]);
    expect(result.data).toHaveLength(5000);
    expect(result.data.every((d, i) => d.index === i)).toBe(true);
    expect(result._responses).toHaveLength(3);
    expect(result._responses.every((r) => typeof r?.requestId === "string")).toBe(true);
    expect(result._response).toBe(result._responses[2]);
    expect(result._response.status).toBe(200);

    // Each vector belongs to its input: compare a few with single requests.
    for (const i of [0, 2047, 2048, 4999]) {
      const single = await emb.embed({ input: inputs[i]!, dimensions: 64 });
      expect(Array.from(result.data[i]!.embedding)).toEqual(Array.from(single.data[0]!.embedding));
    }
    const singles = await emb.embed({ input: inputs.slice(0, 3), dimensions: 64 });
    const perRequest = singles.usage.prompt_tokens / 3;
    expect(result.usage.prompt_tokens).toBeGreaterThanOrEqual(perRequest * 5000 * 0.9);
    expect(result.usage.total_tokens).toBe(result.usage.prompt_tokens);
  });

  it("fails clearly on the second batch and keeps the first batch's results", async () => {
    // One fault per request, in queue order: the first batch takes a harmless delay, the second the 500.
    emulator.faults.push({ kind: "delay", ms: 1, operation: "embeddings" });
    emulator.faults.push({ kind: "status", status: 500, operation: "embeddings" });
    const error = await embedMany(emb, { input: inputs, dimensions: 16 }, { concurrency: 1 }).catch(
      (e: unknown) => e,
    );

    expect(EmbeddingBatchError.isInstance(error)).toBe(true);
    const e = error as EmbeddingBatchError<Float32Array>;
    expect(e.batchIndex).toBe(1);
    expect([e.start, e.end]).toEqual([2048, 4096]);
    expect(InternalServerError.isInstance(e.cause)).toBe(true);
    expect(e.message).toContain("batch 1 (inputs 2048..4095) failed");
    expect(e.partial.data).toHaveLength(2048);
    expect(e.partial.data.every((d, i) => d.index === i && d.embedding.length === 16)).toBe(true);
    expect(e.partial.usage.prompt_tokens).toBeGreaterThan(0);
    expect(e.partial.requestIds[0]).toBeTypeOf("string");
    // Nothing was scheduled after the failure.
    expect(emulator.requests.filter((r) => r.path.endsWith("/embeddings"))).toHaveLength(2);
  });

  it("stops scheduling when the signal aborts", async () => {
    const controller = new AbortController();
    emulator.faults.push({ kind: "delay", ms: 200, operation: "embeddings" });
    setTimeout(() => controller.abort(), 50);
    const error = await embedMany(
      emb,
      { input: inputs, dimensions: 16 },
      { concurrency: 1, signal: controller.signal },
    ).catch((e: unknown) => e);
    expect(EmbeddingBatchError.isInstance(error)).toBe(true);
    expect((error as EmbeddingBatchError).batchIndex).toBe(0);
    await new Promise((r) => setTimeout(r, 250));
    expect(emulator.requests.filter((r) => r.path.endsWith("/embeddings")).length).toBeLessThanOrEqual(1);
  });
});
