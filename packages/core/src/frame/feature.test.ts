import { describe, expect, it } from "vitest";
import { AzureOpenAIClient } from "../client.js";
import { UnsupportedApiVersionError } from "../errors/input-errors.js";
import { versionTable } from "../version-gates.js";
import { checkFields, checkGate, type Feature } from "./feature.js";

const endpoint = "https://example.openai.azure.com";
const client = (apiVersion: string, versionChecks = true) =>
  new AzureOpenAIClient({ endpoint, apiKey: "k", apiVersion, versionChecks });
const demo: Feature = {
  userAgent: "aoai-demo/1.2.3",
  versions: versionTable("demo@*,new_field@2025-03,other@2024-09+"),
  fields: ["new_field", "other"],
};

describe("a feature's version gates", () => {
  it("checkFields gates each versioned field the body sets; null counts as unset", () => {
    const error = (() => {
      try {
        checkFields(demo, client("2024-10-21"), { new_field: 1 });
      } catch (e) {
        return e;
      }
    })();
    expect(UnsupportedApiVersionError.isInstance(error)).toBe(true);
    expect((error as UnsupportedApiVersionError).feature).toBe("new_field");
    expect(() => checkFields(demo, client("2024-10-21"), { new_field: null, other: 1 })).not.toThrow();
    expect(() => checkFields(demo, client("2025-04-01-preview"), { new_field: 1 })).not.toThrow();
    expect(() => checkFields(demo, client("2024-10-21", false), { new_field: 1 })).not.toThrow();
  });

  it("checkGate checks one row; a name the table lacks is not gated", () => {
    expect(() => checkGate(demo, client("2024-10-21"), "new_field")).toThrow(UnsupportedApiVersionError);
    expect(() => checkGate(demo, client("2024-10-21"), "unknown")).not.toThrow();
    const bare: Feature = { userAgent: "aoai-bare/0.0.0" };
    expect(() => checkFields(bare, client("2024-10-21"), { anything: 1 })).not.toThrow();
  });
});
