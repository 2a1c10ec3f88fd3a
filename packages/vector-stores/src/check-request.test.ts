import { InvalidInputError } from "@aoai/core";
import { expect, it } from "vitest";
import { checkChunking, checkFilter, checkSearch, MAX_BATCH_FILES } from "./check-request.js";

const paramOf = (fn: () => void): string | undefined => {
  try {
    fn();
  } catch (error) {
    expect(InvalidInputError.isInstance(error)).toBe(true);
    return (error as InvalidInputError).param;
  }
  return undefined;
};

it("takes auto and static chunking with an overlap up to half the chunk", () => {
  expect(paramOf(() => checkChunking({ type: "auto" }))).toBeUndefined();
  const sizes = (max: number, overlap: number) => ({
    type: "static",
    static: { max_chunk_size_tokens: max, chunk_overlap_tokens: overlap },
  });
  expect(paramOf(() => checkChunking(sizes(800, 400)))).toBeUndefined();
  expect(paramOf(() => checkChunking(sizes(800, 401)))).toBe("chunking_strategy.static.chunk_overlap_tokens");
  expect(paramOf(() => checkChunking(sizes(99, 0)))).toBe("chunking_strategy.static.max_chunk_size_tokens");
  expect(paramOf(() => checkChunking(sizes(4097, 0)))).toBe("chunking_strategy.static.max_chunk_size_tokens");
  expect(paramOf(() => checkChunking({ type: "static" }))).toBe("chunking_strategy.static");
  expect(paramOf(() => checkChunking({ type: "semantic" }))).toBe("chunking_strategy.type");
});

it("checks filter trees to any depth and names the bad node", () => {
  const ok = {
    type: "and",
    filters: [
      { type: "eq", key: "a", value: "x" },
      { type: "or", filters: [] },
    ],
  };
  expect(paramOf(() => checkFilter(ok, "filters"))).toBeUndefined();
  const deep = {
    type: "or",
    filters: [
      {
        type: "and",
        filters: [
          { type: "gte", key: "y", value: 1 },
          { type: "contains", key: "z", value: 1 },
        ],
      },
    ],
  };
  expect(paramOf(() => checkFilter(deep, "filters"))).toBe("filters.filters[0].filters[1].type");
  expect(paramOf(() => checkFilter({ type: "eq", key: "", value: 1 }, "filters"))).toBe("filters.key");
  expect(paramOf(() => checkFilter({ type: "eq", key: "k", value: [1] }, "filters"))).toBe("filters.value");
  expect(paramOf(() => checkFilter({ type: "eq", key: "k", value: Number.NaN }, "filters"))).toBe(
    "filters.value",
  );
  expect(paramOf(() => checkFilter({ key: "k", value: 1 }, "filters"))).toBe("filters.type");
});

it("checks the search request's own bounds", () => {
  expect(paramOf(() => checkSearch({ query: ["a", ""] }))).toBe("query[1]");
  expect(paramOf(() => checkSearch({ query: "a", ranking_options: { score_threshold: 1.5 } }))).toBe(
    "ranking_options.score_threshold",
  );
  expect(paramOf(() => checkSearch({ query: "a", max_num_results: 50 }))).toBeUndefined();
  expect(MAX_BATCH_FILES).toBe(500);
});
