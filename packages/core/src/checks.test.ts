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
