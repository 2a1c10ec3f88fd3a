import { describe, expect, it } from "vitest";
import { API_VERSIONS, DEFAULT_API_VERSION, isApiVersion, isV1 } from "./api-versions.js";
import { AzureOpenAIClient } from "./client.js";
import { InvalidInputError } from "./errors/input-errors.js";
import { routeUrl } from "./routing.js";
import { checkVersion } from "./version-gates.js";

const endpoint = "https://res.openai.azure.com";

describe("API versions", () => {
  it("lists every known version, oldest first, then v1 and its preview", () => {
    expect([...API_VERSIONS]).toEqual([
      "2024-06-01",
      "2024-08-01-preview",
      "2024-09-01-preview",
      "2024-10-01-preview",
      "2024-10-21",
      "2024-12-01-preview",
      "2025-01-01-preview",
      "2025-03-01-preview",
      "2025-04-01-preview",
      "v1",
      "preview",
    ]);
  });

  it("defaults to v1 (each operation where Azure serves it GA: test/default-version.test.ts)", () => {
    expect(DEFAULT_API_VERSION).toBe("v1");
    const saved = process.env.OPENAI_API_VERSION;
    delete process.env.OPENAI_API_VERSION;
    try {
      expect(new AzureOpenAIClient({ endpoint, apiKey: "k" }).apiVersion).toBe("v1");
    } finally {
      if (saved !== undefined) process.env.OPENAI_API_VERSION = saved;
    }
  });

  it("recognises known versions only", () => {
    for (const v of API_VERSIONS) expect(isApiVersion(v)).toBe(true);
    expect(isApiVersion("2030-01-01")).toBe(false);
    expect(isApiVersion(undefined)).toBe(false);
    expect(isApiVersion(20241021)).toBe(false);
  });

  it("tells the v1 API from dated versions", () => {
    expect(isV1("v1")).toBe(true);
    expect(isV1("preview")).toBe(true);
    expect(isV1("2025-04-01-preview")).toBe(false);
  });

  it.each(["2030-01-01", "2031-12-31-preview"])(
    "passes an unknown dated version through: %s",
    (apiVersion) => {
      const client = new AzureOpenAIClient({ endpoint, apiKey: "k", apiVersion });
      expect(client.apiVersion).toBe(apiVersion);
      expect(
        routeUrl(client.endpoint, client.apiVersion, { path: "chat/completions", deployment: "d" }),
      ).toContain(`?api-version=${apiVersion}`);
      // Unknown versions are not checked against any table.
      expect(() => checkVersion(client, "audio/speech", ["v1"])).not.toThrow();
    },
  );

  it.each([
    "latest",
    "2024-10",
    "v2",
    "2024-10-21-beta",
    "2024-10-21&x=1",
    " 2024-10-21x",
    "",
    "2024-13-45",
    "2024-02-30-preview",
  ])("rejects a malformed version: %j", (apiVersion) => {
    let caught: unknown;
    try {
      new AzureOpenAIClient({ endpoint, apiKey: "k", apiVersion });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidInputError);
    expect((caught as InvalidInputError).param).toBe("apiVersion");
  });

  it.each([
    ["2025-04-01", "2025-04-01-preview"],
    ["2024-10-21-preview", "2024-10-21"],
    ["2024-08-01", "2024-08-01-preview"],
    ["2024-06-01-preview", "2024-06-01"],
  ])("refuses %j, a known version's date with -preview added or missing, naming it", (apiVersion, meant) => {
    const error = (() => {
      try {
        new AzureOpenAIClient({ endpoint, apiKey: "k", apiVersion });
      } catch (e) {
        return e as InvalidInputError;
      }
    })();
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error?.param).toBe("apiVersion");
    expect(error?.message).toContain(`did you mean "${meant}"?`);
  });

  it.each([
    ["latest", /known: 2024-06-01, .*, v1, preview\./],
    ["2024-10", /"2024-10-21"/],
    ["2024-10-21x", /"2024-10-21"/],
    ["2025-04-01-previw", /"2025-04-01-preview"/],
    ["2024-10-21 ", /did you mean "2024-10-01-preview" or "2024-10-21"\?/],
  ])("names the known versions of that month for a malformed %j, else all", (apiVersion, named) => {
    expect(() => new AzureOpenAIClient({ endpoint, apiKey: "k", apiVersion })).toThrow(named);
  });

  it("sends an unknown dated version whose date no known version has (the service may serve it)", () => {
    for (const apiVersion of ["2024-02-01", "2024-05-01-preview", "2025-06-01-preview", "2026-01-15"])
      expect(new AzureOpenAIClient({ endpoint, apiKey: "k", apiVersion }).apiVersion).toBe(apiVersion);
  });
});
