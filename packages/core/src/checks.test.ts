import { describe, expect, it } from "vitest";
import { checkInteger, checkNumber, checkOneOf, checkText, invalid } from "./checks.js";
import { InvalidInputError } from "./errors/input-errors.js";

function refusal(run: () => void): InvalidInputError | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return error as InvalidInputError;
  }
  return undefined;
}

describe("input checks", () => {
  it("invalid names the parameter in the error and its message", () => {
    const e = refusal(() => invalid("messages[2].role", "must be one of user, assistant."));
    expect(e?.param).toBe("messages[2].role");
    expect(e?.message).toBe("messages[2].role must be one of user, assistant.");
  });

  it("checkInteger: whole numbers in range; unset passes", () => {
    for (const ok of [undefined, null, 1, 5, 10])
      expect(refusal(() => checkInteger(ok, "n", 1, 10))).toBeUndefined();
    for (const bad of [0, 11, 1.5, Number.NaN, "3", true]) {
      const e = refusal(() => checkInteger(bad, "n", 1, 10));
      expect(e?.param).toBe("n");
      expect(e?.message).toContain("from 1 to 10");
    }
  });

  it("checkNumber: finite numbers in range", () => {
    expect(refusal(() => checkNumber(0.25, "speed", 0.25, 4))).toBeUndefined();
    expect(refusal(() => checkNumber(4, "speed", 0.25, 4))).toBeUndefined();
    for (const bad of [0.2, 4.01, Number.NaN, "1"])
      expect(refusal(() => checkNumber(bad, "speed", 0.25, 4))?.param).toBe("speed");
  });

  it.each<[() => void, string]>([
    [() => checkInteger(0, "dimensions", 1), "dimensions must be a positive whole number, got 0."],
    [() => checkInteger(-1, "max_tokens", 0), "max_tokens must be a whole number (0 or more), got -1."],
    [() => checkInteger(1.5, "limit", 1, 10_000), "limit must be a whole number from 1 to 10000, got 1.5."],
    [
      () => checkInteger(0, "hyperparameters.n_epochs", 1),
      "hyperparameters.n_epochs must be a positive whole number, got 0.",
    ],
    [
      () => checkNumber(0, "timeoutMs", Number.MIN_VALUE, Number.POSITIVE_INFINITY),
      "timeoutMs must be a positive number, got 0.",
    ],
    [
      () => checkNumber(-1, "pollInterval", Number.MIN_VALUE, 2_147_483_647),
      "pollInterval must be a positive number up to 2147483647, got -1.",
    ],
    [() => checkNumber(-1, "x", 0, Number.POSITIVE_INFINITY), "x must be a number (0 or more), got -1."],
  ])("says a range in words, never as 5e-324 or 9007199254740991 (%#)", (run, message) => {
    expect(refusal(run)?.message).toBe(message);
  });

  it("checkOneOf: lists what is allowed", () => {
    expect(refusal(() => checkOneOf("wav", "response_format", ["mp3", "wav"]))).toBeUndefined();
    const e = refusal(() => checkOneOf("ogg", "response_format", ["mp3", "wav"]));
    expect(e?.message).toBe('response_format must be one of "mp3", "wav"; got "ogg".');
  });

  it("checkText: non-empty, not only spaces, within a length", () => {
    expect(refusal(() => checkText("hi", "input", 4096))).toBeUndefined();
    for (const bad of ["", "   ", undefined, 3])
      expect(refusal(() => checkText(bad, "input"))?.param).toBe("input");
    expect(refusal(() => checkText("x".repeat(4097), "input", 4096))?.message).toContain("at most 4096");
  });
});
