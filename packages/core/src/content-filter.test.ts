import { describe, expect, it } from "vitest";
import { mergeFilters } from "./content-filter.js";

const safe = { filtered: false, severity: "safe" };
const high = { filtered: true, severity: "high" };

describe("mergeFilters", () => {
  it("takes the latest value per category, but a category once filtered stays filtered", () => {
    const first = { hate: safe, violence: high };
    const merged = mergeFilters(undefined, first);
    expect(merged).not.toBe(first);
    const second = { hate: high, violence: safe, sexual: safe };
    expect(mergeFilters(merged, second)).toEqual({ hate: high, violence: high, sexual: safe });
    // The chunks it read are left as they were.
    expect(first).toEqual({ hate: safe, violence: high });
    expect(second).toEqual({ hate: high, violence: safe, sexual: safe });
  });
});
