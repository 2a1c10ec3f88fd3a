import { AzureOpenAIClient, UnsupportedApiVersionError } from "@aoai/core";
import { describe, expect, it } from "vitest";
import { errorOf, paramOf } from "../../../test-utils/input-errors.js";
import { checkCreate, checkListQuery } from "./check-request.js";

const client = (apiVersion = "2025-04-01-preview") =>
  new AzureOpenAIClient({ endpoint: "https://example.openai.azure.com", apiKey: "k", apiVersion });

const ok = { input_file_id: "file-1", endpoint: "/chat/completions" };

describe("checkCreate", () => {
  it("accepts the minimal request, metadata, any endpoint text and Azure's blob fields", () => {
    expect(() => checkCreate(client(), ok)).not.toThrow();
    expect(() =>
      checkCreate(client(), { ...ok, endpoint: "/v1/responses", metadata: { a: "b" } }),
    ).not.toThrow();
    expect(() =>
      checkCreate(client(), {
        input_blob: "https://acct.blob.core.windows.net/in/batch.jsonl",
        endpoint: "/chat/completions",
        output_folder: { url: "https://acct.blob.core.windows.net/out" },
        output_expires_after: { anchor: "created_at", seconds: 1_209_600 },
      }),
    ).not.toThrow();
  });

  it("names what is wrong", () => {
    expect(paramOf(() => checkCreate(client(), [] as never))).toBe("request");
    expect(paramOf(() => checkCreate(client(), { endpoint: "/chat/completions" }))).toBe("input_file_id");
    expect(paramOf(() => checkCreate(client(), { input_blob: "", endpoint: "/embeddings" }))).toBe(
      "input_blob",
    );
    expect(paramOf(() => checkCreate(client(), { input_file_id: "f" } as never))).toBe("endpoint");
    expect(paramOf(() => checkCreate(client(), { ...ok, completion_window: "" }))).toBe("completion_window");
    expect(paramOf(() => checkCreate(client(), { ...ok, metadata: "x" as never }))).toBe("metadata");
    expect(paramOf(() => checkCreate(client(), { ...ok, metadata: { n: 1 as never } }))).toBe("metadata.n");
    expect(paramOf(() => checkCreate(client(), { ...ok, output_folder: { url: "" } }))).toBe(
      "output_folder.url",
    );
    expect(
      paramOf(() =>
        checkCreate(client(), {
          ...ok,
          output_expires_after: { anchor: "now" as "created_at", seconds: 1_209_600 },
        }),
      ),
    ).toBe("output_expires_after.anchor");
    expect(
      paramOf(() =>
        checkCreate(client(), { ...ok, output_expires_after: { anchor: "created_at", seconds: 5 } }),
      ),
    ).toBe("output_expires_after.seconds");
  });

  it("refuses Azure's blob fields on the GA versions", () => {
    for (const field of ["input_blob", "output_folder", "output_expires_after"]) {
      const value =
        field === "output_folder"
          ? { url: "https://a" }
          : field === "output_expires_after"
            ? { anchor: "created_at", seconds: 1_209_600 }
            : "https://a";
      const error = errorOf(() => checkCreate(client("2024-10-21"), { ...ok, [field]: value }));
      expect(UnsupportedApiVersionError.isInstance(error), field).toBe(true);
      expect((error as UnsupportedApiVersionError).feature).toBe(field);
    }
  });
});

describe("checkListQuery", () => {
  it("accepts the empty query and names what is wrong", () => {
    expect(() => checkListQuery({})).not.toThrow();
    expect(() => checkListQuery({ limit: 100, after: "batch_1" })).not.toThrow();
    expect(paramOf(() => checkListQuery({ limit: 0 }))).toBe("limit");
    expect(paramOf(() => checkListQuery({ limit: 1.5 }))).toBe("limit");
    expect(paramOf(() => checkListQuery({ after: "" }))).toBe("after");
    expect(paramOf(() => checkListQuery(null as never))).toBe("query");
  });
});
