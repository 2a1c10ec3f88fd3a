import { describe, expect, it } from "vitest";
import { paramOf } from "../../../test-utils/input-errors.js";
import { checkManyOptions as checkOptions, checkRequest, toInputList } from "./check-request.js";

describe("toInputList", () => {
  it("accepts a text, texts, a token array and token arrays", () => {
    expect(toInputList("a")).toEqual(["a"]);
    expect(toInputList(["a", "b"])).toEqual(["a", "b"]);
    expect(toInputList([1, 2, 3])).toEqual([[1, 2, 3]]);
    expect(toInputList([[1], [2, 3]])).toEqual([[1], [2, 3]]);
  });

  it("rejects empty strings, empty arrays and non-string items, naming the item", () => {
    expect(paramOf(() => toInputList(""))).toBe("input");
    expect(paramOf(() => toInputList([]))).toBe("input");
    expect(paramOf(() => toInputList(["a", ""]))).toBe("input[1]");
    expect(paramOf(() => toInputList(["a", 3]))).toBe("input[1]");
    expect(paramOf(() => toInputList(["a", null]))).toBe("input[1]");
    expect(paramOf(() => toInputList([{}]))).toBe("input[0]");
    expect(paramOf(() => toInputList([[1], []]))).toBe("input[1]");
    expect(paramOf(() => toInputList([[1], "a"]))).toBe("input[1]");
    expect(paramOf(() => toInputList(["a", [1]]))).toBe("input[1]");
    expect(paramOf(() => toInputList([1, -2]))).toBe("input[1]");
    expect(paramOf(() => toInputList([[1, 2.5]]))).toBe("input[0][1]");
    expect(paramOf(() => toInputList(undefined))).toBe("input");
    expect(paramOf(() => toInputList(42))).toBe("input");
  });

  it("says what was wrong", () => {
    expect(() => toInputList(["ok", ""])).toThrow(/input\[1\] is an empty string/);
  });
});

describe("checkRequest", () => {
  it("accepts the defaults and valid values", () => {
    expect(() => checkRequest({ input: "a" })).not.toThrow();
    expect(() =>
      checkRequest({ input: "a", dimensions: 256, user: "u", encoding_format: "float" }),
    ).not.toThrow();
  });

  it("rejects a non-positive or fractional dimensions", () => {
    for (const dimensions of [0, -1, 1.5, Number.NaN])
      expect(paramOf(() => checkRequest({ input: "a", dimensions }))).toBe("dimensions");
  });

  it("rejects bad user and encoding_format", () => {
    expect(paramOf(() => checkRequest({ input: "a", user: 5 as unknown as string }))).toBe("user");
    expect(paramOf(() => checkRequest({ input: "a", encoding_format: "int8" as "float" }))).toBe(
      "encoding_format",
    );
  });

  it("rejects a request that is not an object", () => {
    for (const request of ["a", ["a"], null, undefined, 3])
      expect(paramOf(() => checkRequest(request as never))).toBe("request");
  });
});

describe("checkOptions", () => {
  it("accepts the defaults and valid values", () => {
    expect(() => checkOptions({})).not.toThrow();
    expect(() => checkOptions({ embeddingType: "number[]", batchSize: 2048, concurrency: 8 })).not.toThrow();
  });

  it("rejects bad batchSize, concurrency and embeddingType", () => {
    expect(paramOf(() => checkOptions({ batchSize: 2049 }))).toBe("batchSize");
    expect(paramOf(() => checkOptions({ batchSize: 0 }))).toBe("batchSize");
    expect(paramOf(() => checkOptions({ concurrency: 0 }))).toBe("concurrency");
    expect(paramOf(() => checkOptions({ embeddingType: "f64" as "float32" }))).toBe("embeddingType");
  });
});
