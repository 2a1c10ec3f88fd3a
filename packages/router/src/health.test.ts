import { describe, expect, it } from "vitest";
import {
  breakerState,
  type HealthRules,
  onBudget,
  onChosen,
  onFailure,
  onSuccess,
  onThrottled,
} from "./health.js";
import { HEALTHY } from "./store.js";

const RULES: HealthRules = { failures: 2, openMs: 1000, budgetMemoryMs: 1000 };

describe("target health", () => {
  it("cools a throttled target down for the wait asked, never shortening a longer one", () => {
    const h = onThrottled(HEALTHY, 100, 500);
    expect(h.cooldownUntil).toBe(600);
    expect(onThrottled(h, 200, 100).cooldownUntil).toBe(600);
  });

  it("opens after `failures` in a row, lets one probe through when half-open, and closes on success", () => {
    let [h, t] = onFailure(HEALTHY, 0, RULES);
    expect(t).toBeUndefined();
    [h, t] = onFailure(h, 10, RULES);
    expect(t).toBe("tripped");
    expect(breakerState(h, 500)).toBe("open");
    expect(breakerState(h, 1010)).toBe("half-open");
    const probing = onChosen(h, 1010, 300);
    expect(probing.probeUntil).toBe(1310);
    const [closed, back] = onSuccess(probing);
    expect(back).toBe("recovered");
    expect(breakerState(closed, 1011)).toBe("closed");
    expect(closed.failures).toBe(0);
  });

  it("reopens when the probe fails", () => {
    const open = { ...HEALTHY, failures: 2, openUntil: 1000 };
    const [h, t] = onFailure(onChosen(open, 1500, 300), 1600, RULES);
    expect(t).toBe("tripped");
    expect(h.openUntil).toBe(2600);
    expect(h.probeUntil).toBe(0);
  });

  it("reads the x-ratelimit-remaining-* headers", () => {
    const headers = new Map([
      ["x-ratelimit-remaining-requests", "3"],
      ["x-ratelimit-remaining-tokens", "120"],
    ]);
    expect(onBudget(HEALTHY, headers, 5)).toMatchObject({
      remainingRequests: 3,
      remainingTokens: 120,
      remainingAt: 5,
    });
    expect(onBudget(HEALTHY, new Map(), 5)).toBe(HEALTHY);
  });
});
