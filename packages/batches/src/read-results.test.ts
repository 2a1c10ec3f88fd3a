import { describe, expect, it } from "vitest";
import { isBatchSuccess } from "./read-results.js";
import type { BatchResultLine } from "./response-types.js";

describe("isBatchSuccess", () => {
  it("is false, not a TypeError, for a value that is not a result line", () => {
    for (const value of [null, undefined, 42, "x", [], {}])
      expect(isBatchSuccess(value as unknown as BatchResultLine<unknown>)).toBe(false);
  });

  it("tells a 2xx answer from a failure", () => {
    const ok = {
      id: "r",
      custom_id: "a",
      response: { status_code: 200, request_id: "q", body: {} },
      error: null,
    };
    expect(isBatchSuccess(ok as BatchResultLine<unknown>)).toBe(true);
    const failed = { ...ok, response: { ...ok.response, status_code: 400 } };
    expect(isBatchSuccess(failed as BatchResultLine<unknown>)).toBe(false);
  });
});
