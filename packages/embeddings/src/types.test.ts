import type { AzureOpenAIClient, ResponseInfo } from "@aoai/core";
import { describe, expectTypeOf, it } from "vitest";
import type { EmbeddingBatchError } from "./embedding-batch-error.js";
import { EmbeddingClient } from "./embedding-client.js";

// Compile-time checks (run by `tsc`): the vector type follows `embeddingType`.
describe("result types", () => {
  const emb = new EmbeddingClient({} as AzureOpenAIClient, "d");

  it("gives Float32Array by default and number[] on request", () => {
    const one = () => emb.embed("x");
    expectTypeOf<
      Awaited<ReturnType<typeof one>>["data"][number]["embedding"]
    >().toEqualTypeOf<Float32Array>();
    const float = () => emb.embed("x", { encoding_format: "float" });
    expectTypeOf<
      Awaited<ReturnType<typeof float>>["data"][number]["embedding"]
    >().toEqualTypeOf<Float32Array>();
    const many = () => emb.embed(["a"], { embeddingType: "number[]", dimensions: 8 });
    expectTypeOf<Awaited<ReturnType<typeof many>>["data"][number]["embedding"]>().toEqualTypeOf<number[]>();
    const batches = () => emb.embedMany(["a"], { embeddingType: "number[]" });
    expectTypeOf<Awaited<ReturnType<typeof batches>>["data"][number]["embedding"]>().toEqualTypeOf<
      number[]
    >();
  });

  it("keeps core's _response and the wire field names", () => {
    const one = () => emb.embed("x");
    type R = Awaited<ReturnType<typeof one>>;
    expectTypeOf<R["_response"]>().toEqualTypeOf<ResponseInfo>();
    expectTypeOf<R["usage"]>().toEqualTypeOf<{ prompt_tokens: number; total_tokens: number }>();
    expectTypeOf<R["model"]>().toEqualTypeOf<string>();
    expectTypeOf<EmbeddingBatchError["batchIndex"]>().toEqualTypeOf<number>();
  });
});
