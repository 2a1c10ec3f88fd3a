import { describe, expect, it } from "vitest";
import type { HealthRules } from "./health.js";
import * as health from "./health.js";
import { HEALTHY } from "./store.js";

const RULES: HealthRules = { failures: 2, openMs: 1000, budgetMemoryMs: 1000 };

describe("target health", () => {
  it("cools a throttled target down for the wait asked, never shortening a longer one", () => {
    const h = health.onThrottled(HEALTHY, 100, 500);
    expect(h.cooldownUntil).toBe(600);
    expect(health.onThrottled(h, 200, 100).cooldownUntil).toBe(600);
  });

  it("opens after `failures` in a row, lets one probe through when half-open, and closes on success", () => {
    let [h, t] = health.onFailure(HEALTHY, 0, RULES);
    expect(t).toBeUndefined();
    [h, t] = health.onFailure(h, 10, RULES);
    expect(t).toBe("tripped");
    expect(health.breakerState(h, 500)).toBe("open");
    expect(health.breakerState(h, 1010)).toBe("half-open");
    const probing = health.onChosen(h, 1010, 300);
    expect(probing.probeUntil).toBe(1310);
    const [closed, back] = health.onSuccess(probing);
    expect(back).toBe("recovered");
    expect(health.breakerState(closed, 1011)).toBe("closed");
    expect(closed.failures).toBe(0);
  });

  it("reopens when the probe fails", () => {
    const open = { ...HEALTHY, failures: 2, openUntil: 1000 };
    const [h, t] = health.onFailure(health.onChosen(open, 1500, 300), 1600, RULES);
    expect(t).toBe("tripped");
    expect(h.openUntil).toBe(2600);
    expect(h.probeUntil).toBe(0);
  });

  it("reads the x-ratelimit-remaining-* headers", () => {
    const headers = new Map([
      ["x-ratelimit-remaining-requests", "3"],
      ["x-ratelimit-remaining-tokens", "120"],
    ]);
    expect(health.onBudget(HEALTHY, headers, 5)).toMatchObject({
      remainingRequests: 3,
      remainingTokens: 120,
      remainingAt: 5,
    });
    expect(health.onBudget(HEALTHY, new Map(), 5)).toBe(HEALTHY);
  });
});
