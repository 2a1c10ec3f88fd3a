import { describe, expect, it } from "vitest";
import {
  backoffMs,
  INITIAL_RETRY_DELAY_MS,
  MAX_RETRY_DELAY_MS,
  RETRYABLE_STATUSES,
  shouldRetryStatus,
} from "./retry-rules.js";

describe("backoffMs", () => {
  it("starts at 0.5 s and doubles, capped at 8 s (no jitter)", () => {
    expect(INITIAL_RETRY_DELAY_MS).toBe(500);
    expect(MAX_RETRY_DELAY_MS).toBe(8000);
    const noJitter = () => 0;
    expect([0, 1, 2, 3, 4, 5, 6, 10, 50].map((n) => backoffMs(n, noJitter))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000, 8000, 8000,
    ]);
  });

  it("takes off up to 25 % as jitter", () => {
    expect(backoffMs(0, () => 1)).toBe(375);
    expect(backoffMs(0, () => 0.5)).toBe(438); // 500 * 0.875 = 437.5, rounded
    expect(backoffMs(4, () => 1)).toBe(6000);
    expect(backoffMs(20, () => 0.999999)).toBeGreaterThanOrEqual(6000);
  });

  it("stays within [75 %, 100 %] of the step with the real random", () => {
    for (let i = 0; i < 200; i++) {
      const ms = backoffMs(1);
      expect(ms).toBeGreaterThanOrEqual(750);
      expect(ms).toBeLessThanOrEqual(1000);
    }
  });
});

describe("shouldRetryStatus", () => {
  it.each([408, 409, 429, 500, 502, 503, 504])("retries %i", (status) => {
    expect(RETRYABLE_STATUSES.has(status)).toBe(true);
    expect(shouldRetryStatus(status, undefined)).toBe(true);
  });

  it.each([200, 400, 401, 403, 404, 413, 422, 501])("does not retry %i", (status) => {
    expect(shouldRetryStatus(status, undefined)).toBe(false);
  });

  it("x-should-retry overrides the table", () => {
    expect(shouldRetryStatus(400, "true")).toBe(true);
    expect(shouldRetryStatus(503, "false")).toBe(false);
    expect(shouldRetryStatus(503, "maybe")).toBe(true);
    expect(shouldRetryStatus(400, "maybe")).toBe(false);
  });

  it("never retries a success, even with x-should-retry: true", () => {
    for (const status of [200, 201, 204, 304]) expect(shouldRetryStatus(status, "true")).toBe(false);
  });
});
