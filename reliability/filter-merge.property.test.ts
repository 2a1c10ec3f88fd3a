import { filterMerge, mergeFilters } from "@aoai/core/internal";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

// filterMerge skips the merge of a chunk whose categories repeat the last one's: for any sequence
// of filter results it must give what merging every chunk one by one gives. Seeded, as in
// sse-decoder.property.test.ts; FC_SEED=<n> tries another.

const SEED = Number(process.env.FC_SEED ?? 0xf17);

type Filters = Record<string, { filtered: boolean; severity: string } | undefined>;

const category = fc.constantFrom("hate", "sexual", "violence", "self_harm", "profanity", "jailbreak");
const value = fc.record({
  filtered: fc.boolean(),
  severity: fc.constantFrom("safe", "low", "medium", "high"),
});
/** Mostly the same categories in the same order, as Azure sends them; sometimes others. */
const usual = fc.tuple(value, value, value, value).map(([hate, self_harm, sexual, violence]) => ({
  hate,
  self_harm,
  sexual,
  violence,
}));
const other = fc.dictionary(category, fc.oneof(value, fc.constant(undefined)), { maxKeys: 5 });
const chunks = fc.array(fc.oneof({ weight: 3, arbitrary: usual }, { weight: 1, arbitrary: other }), {
  maxLength: 40,
});

describe("filterMerge (property)", () => {
  it("gives what merging each chunk in turn gives, and writes into no chunk", () => {
    fc.assert(
      fc.property(chunks, (list) => {
        const before = structuredClone(list);
        const merger = filterMerge<Filters>();
        let expected: Filters | undefined;
        for (const from of list) {
          merger.add(from);
          expected = mergeFilters<Filters>(expected === undefined ? undefined : { ...expected }, from);
          expect(merger.result()).toEqual(expected);
        }
        expect(list).toEqual(before);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
