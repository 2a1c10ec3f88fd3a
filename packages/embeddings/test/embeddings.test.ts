import { AuthenticationError, AzureOpenAIClient, InvalidInputError } from "@aoai/core";
import { type Emulator, startEmulator } from "@aoai/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cosineSimilarity } from "../src/cosine-similarity.js";
import { embedMany } from "../src/embed-many.js";
import { EmbeddingClient } from "../src/embedding-client.js";
import { VERSION } from "../src/version.js";
import { embeddingClient, LARGE, norm } from "./helpers.js";

describe("EmbeddingClient against the emulator", () => {
  const emb = embeddingClient();

  it("embeds one string into a Float32Array with usage, model and request id", async () => {
    const r = await emb.embed({ input: "This is a test embedding" });
    expect(r.object).toBe("list");
    expect(r.model).toBeTypeOf("string");
    expect(r.data).toHaveLength(1);
    expect(r.data[0]!.index).toBe(0);
    expect(r.data[0]!.object).toBe("embedding");
    const v = r.data[0]!.embedding;
    expect(v).toBeInstanceOf(Float32Array);
    expect(v).toHaveLength(3072);
    expect(v.buffer.byteLength).toBe(3072 * 4);
    expect(norm(v)).toBeCloseTo(1, 4);
    expect(r.usage.prompt_tokens).toBeGreaterThan(0);
    expect(r.usage.total_tokens).toBe(r.usage.prompt_tokens);
    expect(r._response.requestId).toBeTypeOf("string");
    expect(Object.keys(r)).not.toContain("_response");
  });

  it("embeds many strings in input order with dimensions", async () => {
    const texts = ["alpha", "beta", "gamma", "delta"];
    const r = await emb.embed({ input: texts, dimensions: 256 });
    expect(r.data.map((d) => d.index)).toEqual([0, 1, 2, 3]);
    for (const d of r.data) {
      expect(d.embedding).toHaveLength(256);
      expect(norm(d.embedding)).toBeCloseTo(1, 4);
    }
    // Deterministic per input: the same text gives the same vector whatever its position.
    const again = await emb.embed({ input: ["gamma"], dimensions: 256 });
    expect(cosineSimilarity(again.data[0]!.embedding, r.data[2]!.embedding)).toBeCloseTo(1, 6);
  });

  it("gives the same vectors over base64 and float, as Float32Array or number[]", async () => {
    const base64 = await emb.embed({ input: ["x", "y"], dimensions: 32 });
    const float = await emb.embed({ input: ["x", "y"], dimensions: 32, encoding_format: "float" });
    const numbers = await emb.embed({ input: ["x", "y"], dimensions: 32 }, { embeddingType: "number[]" });
    const floatNumbers = await emb.embed(
      { input: ["x", "y"], dimensions: 32, encoding_format: "float" },
      { embeddingType: "number[]" },
    );
    expect(float.data[1]!.embedding).toBeInstanceOf(Float32Array);
    expect(Array.isArray(numbers.data[1]!.embedding)).toBe(true);
    expect(Array.isArray(floatNumbers.data[1]!.embedding)).toBe(true);
    for (let i = 0; i < 2; i++) {
      const exact = Array.from(base64.data[i]!.embedding);
      expect(numbers.data[i]!.embedding).toEqual(exact);
      // The float wire format carries 8 decimals.
      for (const [j, x] of float.data[i]!.embedding.entries()) expect(x).toBeCloseTo(exact[j]!, 6);
      for (const [j, x] of floatNumbers.data[i]!.embedding.entries()) expect(x).toBeCloseTo(exact[j]!, 6);
    }
  });

  it("embeds token arrays", async () => {
    const one = await emb.embed({ input: [1, 2, 3], dimensions: 8 });
    expect(one.data).toHaveLength(1);
    const many = await emb.embed({
      input: [
        [1, 2, 3],
        [4, 5],
      ],
      dimensions: 8,
    });
    expect(many.data).toHaveLength(2);
    expect(Array.from(many.data[0]!.embedding)).toEqual(Array.from(one.data[0]!.embedding));
    expect(many.usage.prompt_tokens).toBe(5);
  });

  it("surfaces service errors as typed errors", async () => {
    // A bad deployment name is refused by the constructor, before any call.
    let error: unknown;
    try {
      embeddingClient({}, "no/such");
    } catch (e) {
      error = e;
    }
    expect(InvalidInputError.isInstance(error)).toBe(true);
    expect((error as InvalidInputError).param).toBe("deployment");
    const denied = await embeddingClient({ apiKey: "wrong" })
      .embed({ input: "x" })
      .catch((e: unknown) => e);
    expect(AuthenticationError.isInstance(denied)).toBe(true);
  });
});

describe("EmbeddingClient on a private emulator (request log, faults)", () => {
  let emulator: Emulator;
  let emb: EmbeddingClient;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    emb = new EmbeddingClient(
      new AzureOpenAIClient({ endpoint: emulator.url, apiKey: emulator.apiKey, maxRetries: 0 }),
      LARGE,
    );
  });
  afterAll(() => emulator.close());

  it("asks for base64 by default, sends only the options given, and identifies itself", async () => {
    emulator.reset();
    await emb.embed({ input: "hello" });
    await emb.embed({ input: ["a", "b"], dimensions: 256, user: "u-1", encoding_format: "float" });
    const [first, second] = emulator.requests;
    // No apiVersion: the v1 API, which serves embeddings GA, with the deployment as `model`.
    expect(first!.path).toBe("/openai/v1/embeddings");
    expect(first!.body).toEqual({ input: "hello", encoding_format: "base64", model: LARGE });
    expect(second!.body).toEqual({
      model: LARGE,
      input: ["a", "b"],
      dimensions: 256,
      user: "u-1",
      encoding_format: "float",
    });
    expect(first!.headers["user-agent"]).toContain(`aoai-embeddings/${VERSION}`);
  });

  it("sends nothing for bad input and names the parameter", async () => {
    emulator.reset();
    const cases: [() => Promise<unknown>, string][] = [
      [() => emb.embed({ input: "" }), "input"],
      [() => emb.embed({ input: [] }), "input"],
      [() => emb.embed({ input: ["ok", 7 as unknown as string] }), "input[1]"],
      [() => emb.embed({ input: ["ok", ""] }), "input[1]"],
      [() => emb.embed({ input: "x", dimensions: 0 }), "dimensions"],
      [() => emb.embed({ input: "x", dimensions: -5 }), "dimensions"],
      [() => emb.embed({ input: Array.from({ length: 2049 }, () => "x") }), "input"],
      [() => embedMany(emb, { input: [] }), "input"],
      [() => embedMany(emb, { input: ["a", ""] }), "input[1]"],
      [() => embedMany(emb, { input: ["a"] }, { batchSize: 4096 }), "batchSize"],
    ];
    for (const [run, param] of cases) {
      const error = await run().catch((e: unknown) => e);
      expect(InvalidInputError.isInstance(error), String(error)).toBe(true);
      expect((error as InvalidInputError).param).toBe(param);
    }
    expect(emulator.requests).toHaveLength(0);
  });

  it("refuses a bare string in place of the request object and sends nothing", async () => {
    emulator.reset();
    const error = await emb.embed("text" as never).catch((e: unknown) => e);
    expect(InvalidInputError.isInstance(error), String(error)).toBe(true);
    expect((error as InvalidInputError).param).toBe("request");
    expect(emulator.requests).toHaveLength(0);
  });

  it("works on the v1 API (deployment as model in the body)", async () => {
    emulator.reset();
    const v1 = new EmbeddingClient(
      new AzureOpenAIClient({ endpoint: emulator.url, apiKey: emulator.apiKey, apiVersion: "v1" }),
      LARGE,
    );
    const r = await v1.embed({ input: "hello", dimensions: 16 });
    expect(r.data[0]!.embedding).toHaveLength(16);
    expect(emulator.requests[0]!.body).toMatchObject({ model: LARGE, encoding_format: "base64" });
  });
});
