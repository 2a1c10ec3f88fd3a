import { describe, expect, it } from "vitest";
import { mergeFilters } from "../content-filter.js";
import { filterMerge } from "./filter-merge.js";

type Filters = Record<string, { filtered: boolean; severity?: string; detected?: boolean } | undefined>;
const safe = { filtered: false, severity: "safe" };
const low = { filtered: false, severity: "low" };
const high = { filtered: true, severity: "high" };

/** What merging every chunk one by one gives. */
const folded = (chunks: Filters[]) =>
  chunks.reduce<Filters | undefined>((into, from) => mergeFilters(into, from), undefined);

function merge(chunks: Filters[]): Filters | undefined {
  const merger = filterMerge<Filters>();
  for (const chunk of chunks) merger.add(chunk);
  return merger.result();
}

describe("filterMerge", () => {
  it("has nothing before a chunk had filter results", () => {
    expect(filterMerge().result()).toBeUndefined();
  });

  it("takes the latest value of repeated categories (the chunks Azure sends)", () => {
    const chunks = [
      { hate: safe, sexual: safe },
      { hate: low, sexual: safe },
      { hate: safe, sexual: low },
    ];
    expect(merge(chunks)).toEqual({ hate: safe, sexual: low });
  });

  it("keeps a category once filtered, though the chunk that filtered it is followed by the same categories", () => {
    const chunks = [
      { hate: safe, violence: safe },
      { hate: safe, violence: high },
      { hate: safe, violence: safe },
    ];
    expect(merge(chunks)).toEqual({ hate: safe, violence: high });
    expect(merge(chunks)).toEqual(folded(chunks));
  });

  it("keeps categories that later chunks no longer carry, and ones in another order", () => {
    const chunks: Filters[] = [
      { hate: safe, sexual: safe, violence: low },
      { hate: safe, sexual: safe, violence: safe },
      { protected_material_text: { filtered: false, detected: false } },
      { sexual: low, hate: safe },
      { hate: low, sexual: low },
    ];
    expect(merge(chunks)).toEqual({
      hate: low,
      sexual: low,
      violence: safe,
      protected_material_text: { filtered: false, detected: false },
    });
    expect(merge(chunks)).toEqual(folded(chunks));
  });

  it("never writes into a chunk's objects, and each result is a new object", () => {
    const first = { hate: high, sexual: safe };
    const second = { hate: safe, sexual: low, violence: safe };
    const merger = filterMerge<Filters>();
    merger.add(first);
    const once = merger.result();
    expect(once).not.toBe(first);
    merger.add(second);
    const twice = merger.result();
    expect(twice).toEqual({ hate: high, sexual: low, violence: safe });
    expect(merger.result()).not.toBe(twice);
    twice!.hate = safe;
    expect(merger.result()).toEqual({ hate: high, sexual: low, violence: safe });
    expect(first).toEqual({ hate: high, sexual: safe });
    expect(second).toEqual({ hate: safe, sexual: low, violence: safe });
  });
});
