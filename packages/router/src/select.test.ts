import { describe, expect, it } from "vitest";
import type { HealthRules } from "./health.js";
import { selectTarget } from "./select.js";
import { HEALTHY, type TargetHealth } from "./store.js";

const RULES: HealthRules = { failures: 3, openMs: 1000, budgetMemoryMs: 1000 };
const NOW = 1_000_000;
const pick = (
  targets: { priority: number; weight: number }[],
  health: TargetHealth[] = targets.map(() => HEALTHY),
  excluded: number[] = [],
  r = 0,
) => selectTarget(targets, health, new Set(excluded), NOW, 10, RULES, () => r);

describe("selectTarget", () => {
  it("uses the lowest priority number while any of it may take the call", () => {
    const targets = [
      { priority: 2, weight: 1 },
      { priority: 1, weight: 1 },
    ];
    expect(pick(targets)).toBe(1);
    expect(pick(targets, [HEALTHY, { ...HEALTHY, cooldownUntil: NOW + 1 }])).toBe(0);
    expect(pick(targets, [HEALTHY, { ...HEALTHY, openUntil: NOW + 1 }])).toBe(0);
  });

  it("spreads by weight inside a group, weight 0 only as a standby", () => {
    const targets = [
      { priority: 1, weight: 1 },
      { priority: 1, weight: 3 },
      { priority: 1, weight: 0 },
    ];
    expect(pick(targets, undefined, [], 0.2)).toBe(0);
    expect(pick(targets, undefined, [], 0.3)).toBe(1);
    expect(pick(targets, undefined, [], 0.99)).toBe(1);
    expect(pick(targets, undefined, [0, 1])).toBe(2);
  });

  it("skips a target whose fresh rate-limit reading leaves no room, not a stale one", () => {
    const targets = [
      { priority: 1, weight: 1 },
      { priority: 2, weight: 1 },
    ];
    const empty = { ...HEALTHY, remainingRequests: 0, remainingAt: NOW - 10 };
    expect(pick(targets, [empty, HEALTHY])).toBe(1);
    expect(pick(targets, [{ ...HEALTHY, remainingTokens: 5, remainingAt: NOW }, HEALTHY])).toBe(1);
    expect(pick(targets, [{ ...empty, remainingAt: NOW - 5000 }, HEALTHY])).toBe(0);
  });

  it("lets one probe through a half-open breaker", () => {
    const targets = [
      { priority: 1, weight: 1 },
      { priority: 2, weight: 1 },
    ];
    expect(pick(targets, [{ ...HEALTHY, openUntil: NOW - 1 }, HEALTHY])).toBe(0);
    expect(pick(targets, [{ ...HEALTHY, openUntil: NOW - 1, probeUntil: NOW + 100 }, HEALTHY])).toBe(1);
  });

  it("when none may, picks the one back soonest; never an excluded one", () => {
    const targets = [
      { priority: 1, weight: 1 },
      { priority: 2, weight: 1 },
    ];
    const health = [
      { ...HEALTHY, cooldownUntil: NOW + 500 },
      { ...HEALTHY, openUntil: NOW + 100 },
    ];
    expect(pick(targets, health)).toBe(1);
    expect(pick(targets, health, [1])).toBe(0);
    expect(pick(targets, health, [0, 1])).toBeUndefined();
  });
});
