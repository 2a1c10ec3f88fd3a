import { describe, expect, it } from "vitest";
import { cosineSimilarity } from "./cosine-similarity.js";

describe("cosineSimilarity", () => {
  it("is 1 for the same direction, 0 for orthogonal, -1 for opposite", () => {
    expect(cosineSimilarity(new Float32Array([1, 2, 3]), new Float32Array([2, 4, 6]))).toBeCloseTo(1, 6);
    expect(cosineSimilarity([1, 0], [0, 5])).toBe(0);
    expect(cosineSimilarity(new Float32Array([1, 1]), [-1, -1])).toBeCloseTo(-1, 6);
  });

  it("is 0 when a vector is all zeros", () => {
    expect(cosineSimilarity([0, 0], [1, 2])).toBe(0);
  });

  it("throws when the lengths differ", () => {
    expect(() => cosineSimilarity([1], [1, 2])).toThrow(RangeError);
  });
});
