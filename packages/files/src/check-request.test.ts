import { AzureOpenAIClient, UnsupportedApiVersionError } from "@aoai/core";
import { describe, expect, it } from "vitest";
import { paramOf } from "../../../test-utils/input-errors.js";
import { checkListQuery, checkUpload } from "./check-request.js";

const client = (apiVersion = "2025-04-01-preview", versionChecks = true) =>
  new AzureOpenAIClient({
    endpoint: "https://example.openai.azure.com",
    apiKey: "k",
    apiVersion,
    versionChecks,
  });

describe("checkUpload", () => {
  it("accepts a file and a purpose, with or without expires_after", () => {
    expect(() => checkUpload(client(), { file: new Uint8Array(1), purpose: "batch" })).not.toThrow();
    expect(() =>
      checkUpload(client(), {
        file: new Uint8Array(1),
        purpose: "made-up-purpose",
        expires_after: { anchor: "created_at", seconds: 2_592_000 },
      }),
    ).not.toThrow();
  });

  it("names what is wrong", () => {
    const f = new Uint8Array(1);
    expect(paramOf(() => checkUpload(client(), null as never))).toBe("request");
    expect(paramOf(() => checkUpload(client(), { purpose: "batch" } as never))).toBe("file");
    expect(paramOf(() => checkUpload(client(), { file: f } as never))).toBe("purpose");
    expect(paramOf(() => checkUpload(client(), { file: f, purpose: " " }))).toBe("purpose");
    const expiry = (e: unknown) =>
      paramOf(() => checkUpload(client(), { file: f, purpose: "batch", expires_after: e as never }));
    expect(expiry(7)).toBe("expires_after");
    expect(expiry({ seconds: 1_209_600 })).toBe("expires_after.anchor");
    expect(expiry({ anchor: "created_at" })).toBe("expires_after.seconds");
    expect(expiry({ anchor: "created_at", seconds: 1_209_599 })).toBe("expires_after.seconds");
    expect(expiry({ anchor: "created_at", seconds: 2_592_001 })).toBe("expires_after.seconds");
    expect(expiry({ anchor: "created_at", seconds: 1_300_000.5 })).toBe("expires_after.seconds");
  });

  it("refuses expires_after on the GA versions unless version checks are off", () => {
    const request = {
      file: new Uint8Array(1),
      purpose: "batch",
      expires_after: { anchor: "created_at", seconds: 1_209_600 },
    } as const;
    for (const v of ["2024-06-01", "2024-10-21"]) {
      const error = (() => {
        try {
          checkUpload(client(v), request);
        } catch (e) {
          return e;
        }
      })();
      expect(UnsupportedApiVersionError.isInstance(error), v).toBe(true);
    }
    expect(() => checkUpload(client("2024-10-21", false), request)).not.toThrow();
    expect(() => checkUpload(client("v1"), request)).not.toThrow();
  });
});

describe("checkListQuery", () => {
  it("accepts the empty query and valid values", () => {
    expect(() => checkListQuery({})).not.toThrow();
    expect(() =>
      checkListQuery({ purpose: "batch", limit: 10_000, after: "file-1", order: "asc" }),
    ).not.toThrow();
  });

  it("names what is wrong", () => {
    expect(paramOf(() => checkListQuery("x" as never))).toBe("query");
    expect(paramOf(() => checkListQuery({ limit: 0 }))).toBe("limit");
    expect(paramOf(() => checkListQuery({ limit: 10_001 }))).toBe("limit");
    expect(paramOf(() => checkListQuery({ order: "newest" as "asc" }))).toBe("order");
    expect(paramOf(() => checkListQuery({ after: "" }))).toBe("after");
    expect(paramOf(() => checkListQuery({ purpose: "" }))).toBe("purpose");
  });
});
