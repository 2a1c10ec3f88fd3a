import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { AzureKeyCredential } from "./azure-key-credential.js";
import { InvalidInputError } from "./errors/input-errors.js";

const SECRET = "sk-rotating-0123456789-SECRET";

describe("AzureKeyCredential", () => {
  it("holds a key that can be rotated", () => {
    const credential = new AzureKeyCredential(SECRET);
    expect(credential.key).toBe(SECRET);
    credential.update(`${SECRET}-2`);
    expect(credential.key).toBe(`${SECRET}-2`);
    expect(() => credential.update("")).toThrow(InvalidInputError);
    expect(() => new AzureKeyCredential(" ")).toThrow(InvalidInputError);
  });

  it("never shows the key when inspected, logged or serialised", () => {
    const credential = new AzureKeyCredential(SECRET);
    expect(inspect(credential, { showHidden: true, depth: 10 })).not.toContain(SECRET);
    expect(JSON.stringify(credential)).not.toContain(SECRET);
    expect(Object.keys(credential)).toEqual([]);
  });
});
