import { createHttpHeaders } from "@azure/core-rest-pipeline";
import { describe, expect, it } from "vitest";
import { retryAfterMs } from "./retry-after.js";

const h = (headers: Record<string, string>) => createHttpHeaders(headers);
const NOW = Date.parse("2025-01-01T00:00:00Z");

describe("retryAfterMs", () => {
  it("is undefined without a header", () => {
    expect(retryAfterMs(h({}))).toBeUndefined();
  });

  it("reads retry-after-ms exactly", () => {
    expect(retryAfterMs(h({ "retry-after-ms": "1234" }))).toBe(1234);
    expect(retryAfterMs(h({ "retry-after-ms": "0" }))).toBe(0);
    expect(retryAfterMs(h({ "retry-after-ms": "12.5" }))).toBe(12.5);
  });

  it("reads x-ms-retry-after-ms", () => {
    expect(retryAfterMs(h({ "x-ms-retry-after-ms": "250" }))).toBe(250);
  });

  it("prefers retry-after-ms, then x-ms-retry-after-ms, then retry-after", () => {
    expect(
      retryAfterMs(h({ "retry-after-ms": "10", "x-ms-retry-after-ms": "20", "retry-after": "30" })),
    ).toBe(10);
    expect(retryAfterMs(h({ "x-ms-retry-after-ms": "20", "retry-after": "30" }))).toBe(20);
  });

  it("reads retry-after in seconds", () => {
    expect(retryAfterMs(h({ "retry-after": "3" }))).toBe(3000);
    expect(retryAfterMs(h({ "retry-after": "0.5" }))).toBe(500);
    expect(retryAfterMs(h({ "retry-after": "0" }))).toBe(0);
  });

  it("reads retry-after as an HTTP date relative to now", () => {
    expect(retryAfterMs(h({ "retry-after": "Wed, 01 Jan 2025 00:00:07 GMT" }), NOW)).toBe(7000);
    expect(retryAfterMs(h({ "retry-after": "Tue, 31 Dec 2024 23:59:00 GMT" }), NOW)).toBe(0);
  });

  it("skips unparseable or negative values", () => {
    expect(retryAfterMs(h({ "retry-after-ms": "soon", "retry-after": "2" }))).toBe(2000);
    expect(retryAfterMs(h({ "retry-after-ms": "-5", "x-ms-retry-after-ms": "7" }))).toBe(7);
    expect(retryAfterMs(h({ "retry-after-ms": "" }))).toBeUndefined();
    expect(retryAfterMs(h({ "retry-after": "-1" }))).toBeUndefined();
    expect(retryAfterMs(h({ "retry-after": "later" }))).toBeUndefined();
    expect(retryAfterMs(h({ "retry-after": "Infinity" }))).toBeUndefined();
  });
});
