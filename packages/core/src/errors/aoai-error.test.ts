import { runInNewContext } from "node:vm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AOAIError } from "./aoai-error.js";
import { APIError, InternalServerError, RateLimitError, ServiceUnavailableError } from "./api-error.js";
import { APIConnectionError, APIConnectionTimeoutError, APIUserAbortError } from "./connection-errors.js";
import { InvalidInputError, UnsupportedApiVersionError } from "./input-errors.js";
import { InvalidResponseError } from "./invalid-response-error.js";

describe("AOAIError brand", () => {
  afterEach(() => {
    vi.resetModules();
  });

  it("names and kinds follow the class chain", () => {
    const error = new ServiceUnavailableError({ status: 503, error: undefined, headers: {} });
    expect(error.name).toBe("ServiceUnavailableError");
    expect(error).toBeInstanceOf(Error);
    for (const C of [ServiceUnavailableError, InternalServerError, APIError, AOAIError])
      expect(C.isInstance(error)).toBe(true);
    expect(RateLimitError.isInstance(error)).toBe(false);
  });

  it("connection and input errors", () => {
    const timeout = new APIConnectionTimeoutError();
    expect(timeout.name).toBe("APIConnectionTimeoutError");
    expect(APIConnectionError.isInstance(timeout)).toBe(true);
    expect(APIUserAbortError.isInstance(timeout)).toBe(false);
    expect(timeout.code).toBe("TIMEOUT");
    expect(AOAIError.isInstance(new InvalidInputError("m", "p"))).toBe(true);
    expect(InvalidInputError.isInstance(new UnsupportedApiVersionError("f", "v", []))).toBe(false);
    const invalid = new InvalidResponseError("bad", "y".repeat(500), "rid");
    expect(invalid.message).toBe("bad (request id rid)");
    expect(invalid.snippet).toHaveLength(201);
  });

  it("is false for unrelated values", () => {
    for (const value of [
      new Error("x"),
      new TypeError("x"),
      null,
      undefined,
      42,
      "RateLimitError",
      {},
      { name: "RateLimitError" },
    ]) {
      expect(RateLimitError.isInstance(value)).toBe(false);
      expect(AOAIError.isInstance(value)).toBe(false);
    }
    // A brand that is not an array, or the wrong symbol, does not count.
    const fake = new Error("x");
    Object.defineProperty(fake, Symbol.for("@aoai/core.error-kinds"), { value: "RateLimitError" });
    expect(RateLimitError.isInstance(fake)).toBe(false);
    const other = new Error("x");
    Object.defineProperty(other, Symbol("@aoai/core.error-kinds"), { value: ["RateLimitError"] });
    expect(RateLimitError.isInstance(other)).toBe(false);
  });

  it("works for an error made in another realm (vm context)", () => {
    const foreign = runInNewContext(`
      const e = new Error("429: slow down");
      Object.defineProperty(e, Symbol.for("@aoai/core.error-kinds"), { value: ["RateLimitError", "APIError", "AOAIError"] });
      e.name = "RateLimitError";
      e;
    `) as unknown;
    expect(foreign instanceof Error).toBe(false);
    expect(foreign instanceof RateLimitError).toBe(false);
    expect(RateLimitError.isInstance(foreign)).toBe(true);
    expect(APIError.isInstance(foreign)).toBe(true);
    expect(AOAIError.isInstance(foreign)).toBe(true);
    expect(InternalServerError.isInstance(foreign)).toBe(false);
  });

  it("works across two copies of the package", async () => {
    vi.resetModules();
    // A query string makes the module loader evaluate a second, independent copy of the module.
    // @ts-expect-error the type checker does not know the query-suffixed specifier
    const copy = (await import("./api-error.js?second-copy")) as typeof import("./api-error.js");
    expect(copy.RateLimitError).not.toBe(RateLimitError);
    const fromCopy = new copy.RateLimitError({ status: 429, error: undefined, headers: {} });
    expect(fromCopy instanceof RateLimitError).toBe(false);
    expect(RateLimitError.isInstance(fromCopy)).toBe(true);
    expect(AOAIError.isInstance(fromCopy)).toBe(true);
    expect(ServiceUnavailableError.isInstance(fromCopy)).toBe(false);
    const local = new RateLimitError({ status: 429, error: undefined, headers: {} });
    expect(copy.RateLimitError.isInstance(local)).toBe(true);
  });
});
