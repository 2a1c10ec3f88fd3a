import { describe, expect, it } from "vitest";
import { API_VERSIONS } from "./api-versions.js";
import { AzureOpenAIClient } from "./client.js";
import { UnsupportedApiVersionError } from "./errors/input-errors.js";
import { checkVersion, versionsFrom, versionTable } from "./version-gates.js";

const client = (apiVersion: string, versionChecks?: boolean) =>
  new AzureOpenAIClient({ endpoint: "https://x.openai.azure.com", apiKey: "k", apiVersion, versionChecks });

describe("versionsFrom", () => {
  it("* is every version; *~ leaves out v1 only", () => {
    expect(versionsFrom("*")).toEqual(API_VERSIONS);
    expect(versionsFrom("*~")).toEqual(API_VERSIONS.filter((v) => v !== "v1"));
  });

  it("a date is the previews from then on, v1 and preview", () => {
    expect(versionsFrom("2024-12")).toEqual([
      "2024-12-01-preview",
      "2025-01-01-preview",
      "2025-03-01-preview",
      "2025-04-01-preview",
      "v1",
      "preview",
    ]);
  });

  it("+ adds the GA versions from then on; ~ leaves out v1", () => {
    expect(versionsFrom("2024-09+")).toEqual([
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
    expect(versionsFrom("2025-04~")).toEqual(["2025-04-01-preview", "preview"]);
    expect(versionsFrom("2024-06+")).toEqual(API_VERSIONS);
  });
});

describe("versionTable", () => {
  const versions = versionTable("op@*, a@2024-12 ,b@2024-09+,c/d@2025-04~");
  it("looks rows up by name, trimmed, and knows nothing else", () => {
    expect(versions("op")).toEqual(API_VERSIONS);
    expect(versions("a")).toEqual(versionsFrom("2024-12"));
    expect(versions("b")).toContain("2024-10-21");
    expect(versions("c/d")).toEqual(["2025-04-01-preview", "preview"]);
    expect(versions("zzz")).toBeUndefined();
    expect(versions("a")).toBe(versions("a"));
  });
});

describe("checkVersion", () => {
  it("refuses a known version the list lacks, naming the ones that have it", () => {
    let caught: unknown;
    try {
      checkVersion(client("2024-10-21"), "reasoning_effort", versionsFrom("2024-12"));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UnsupportedApiVersionError);
    const e = caught as UnsupportedApiVersionError;
    expect([e.feature, e.apiVersion]).toEqual(["reasoning_effort", "2024-10-21"]);
    expect(e.supportedVersions).toEqual(versionsFrom("2024-12"));
  });

  it("passes a listed version, an unknown dated version, no list, and a client with checks off", () => {
    expect(() => checkVersion(client("2024-12-01-preview"), "x", versionsFrom("2024-12"))).not.toThrow();
    expect(() => checkVersion(client("2031-01-01-preview"), "x", ["v1"])).not.toThrow();
    expect(() => checkVersion(client("2024-06-01"), "x", undefined)).not.toThrow();
    expect(() => checkVersion(client("2024-06-01", false), "x", ["v1"])).not.toThrow();
  });
});
