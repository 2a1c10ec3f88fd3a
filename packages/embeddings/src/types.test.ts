import type { AzureOpenAIClient, ResponseInfo } from "@aoai/core";
import { describe, expectTypeOf, it } from "vitest";
import { embedMany } from "./embed-many.js";
import type { EmbeddingBatchError } from "./embedding-batch-error.js";
import { EmbeddingClient } from "./embedding-client.js";

// Compile-time checks (run by `tsc`): the vector type follows `embeddingType`.
describe("result types", () => {
  const emb = new EmbeddingClient({} as AzureOpenAIClient, "d");

  it("gives Float32Array by default and number[] on request", () => {
    const one = () => emb.embed({ input: "x" });
    expectTypeOf<
      Awaited<ReturnType<typeof one>>["data"][number]["embedding"]
    >().toEqualTypeOf<Float32Array>();
    const float = () => emb.embed({ input: "x", encoding_format: "float" });
    expectTypeOf<
      Awaited<ReturnType<typeof float>>["data"][number]["embedding"]
    >().toEqualTypeOf<Float32Array>();
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
    expectTypeOf<R["model"]>().toEqualTypeOf<string>();
    expectTypeOf<EmbeddingBatchError["batchIndex"]>().toEqualTypeOf<number>();
  });
});
