import { AzureOpenAIClient, type ResponseInfo } from "@aoai/core";
import { describe, expectTypeOf, it } from "vitest";
import { embedMany } from "./embed-many.js";
import type { EmbeddingBatchError } from "./embedding-batch-error.js";
import { EmbeddingClient } from "./embedding-client.js";
import type { EmbeddingResponse } from "./types.js";

// Compile-time checks (run by `tsc`): the vector type follows `embeddingType`.
describe("result types", () => {
  const emb = new EmbeddingClient(
    new AzureOpenAIClient({ endpoint: "https://r.openai.azure.com", apiKey: "k" }),
    "d",
  );

  it("gives Float32Array (of its own ArrayBuffer) by default and number[] on request", () => {
    const one = () => emb.embed({ input: "x" });
    expectTypeOf<Awaited<ReturnType<typeof one>>["data"][number]["embedding"]>().toEqualTypeOf<
      Float32Array<ArrayBuffer>
    >();
    const float = () => emb.embed({ input: "x", encoding_format: "float" });
    expectTypeOf<Awaited<ReturnType<typeof float>>["data"][number]["embedding"]>().toEqualTypeOf<
      Float32Array<ArrayBuffer>
    >();
    const many = () => emb.embed({ input: ["a"], dimensions: 8 }, { embeddingType: "number[]" });
    expectTypeOf<Awaited<ReturnType<typeof many>>["data"][number]["embedding"]>().toEqualTypeOf<number[]>();
    const batches = () => embedMany(emb, { input: ["a"] }, { embeddingType: "number[]" });
    expectTypeOf<Awaited<ReturnType<typeof batches>>["data"][number]["embedding"]>().toEqualTypeOf<
      number[]
    >();
  });

  it("takes wire fields in the request and per-call options apart", () => {
    // @ts-expect-error dimensions is a request field, not an option
    const misplaced = () => emb.embed({ input: "x" }, { dimensions: 8 });
    // @ts-expect-error embeddingType is an option, not a request field
    const wrongSide = () => emb.embed({ input: "x", embeddingType: "number[]" });
    // @ts-expect-error embedMany takes a list, not one text
    const single = () => embedMany(emb, { input: "x" });
    expectTypeOf(misplaced).toBeFunction();
    expectTypeOf(wrongSide).toBeFunction();
    expectTypeOf(single).toBeFunction();
  });

  it("keeps core's _response and the wire field names", () => {
    const one = () => emb.embed({ input: "x" });
    type R = Awaited<ReturnType<typeof one>>;
    expectTypeOf<R["_response"]>().toEqualTypeOf<ResponseInfo>();
    expectTypeOf<R["usage"]>().toEqualTypeOf<{ prompt_tokens: number; total_tokens: number }>();
    expectTypeOf<R["model"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<EmbeddingBatchError["batchIndex"]>().toEqualTypeOf<number>();
  });
});

describe("the wire types take Azure's REST examples as they are", () => {
  it("a response without what Azure's examples leave out (object, model, data[].object)", () => {
    const response: EmbeddingResponse<number[]> = {
      data: [{ index: 0, embedding: [-0.012838088, -0.007421397, -0.017617522] }],
      usage: { prompt_tokens: 4, total_tokens: 4 },
    };
    expectTypeOf(response.model).toEqualTypeOf<string | undefined>();
  });
});
