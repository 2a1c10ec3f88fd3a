import { AzureOpenAIClient, InvalidInputError, UnsupportedApiVersionError } from "@aoai/core";
import { describe, expect, it } from "vitest";
import { checkRequest } from "./check-request.js";
import type { ResponseCreateRequest } from "./request-types.js";

const client = (apiVersion = "v1", versionChecks = true) =>
  new AzureOpenAIClient({ endpoint: "https://r.openai.azure.com", apiKey: "k", apiVersion, versionChecks });
const param = (request: object, c = client()) => {
  try {
    checkRequest(c, request as ResponseCreateRequest, "gpt-4.1");
  } catch (error) {
    if (error instanceof InvalidInputError) return error.param;
    throw error;
  }
  return undefined;
};

describe("checkRequest", () => {
  it("passes good requests and unknown fields", () => {
    expect(param({ input: "x", store: true, background: true, future_field: 1 })).toBeUndefined();
    expect(param({ input: "x", model: "gpt-4.1" })).toBeUndefined();
    expect(
      param({ previous_response_id: "r", store: false, input: [{ role: "user", content: "x" }] }),
    ).toBeUndefined();
    expect(
      param({ previous_response_id: "r", input: [{ type: "reasoning", id: "rs_1", summary: [] }] }),
    ).toBeUndefined();
  });

  it("refuses what is surely wrong, naming the parameter", () => {
    expect(param({ input: "x", model: "other" })).toBe("model");
    expect(param({ input: "x", background: true, store: false })).toBe("background");
    expect(param({ input: "x", tools: {} })).toBe("tools");
    expect(param({ input: "x", tools: [{ name: "f" }] })).toBe("tools[0].type");
    expect(param({ input: "x", tools: [{ type: "function", parameters: {} }] })).toBe("tools[0].name");
    expect(param({ input: "x", tools: [{ type: "function", name: "f", parameters: [] }] })).toBe(
      "tools[0].parameters",
    );
    expect(param({ input: "x", include: "reasoning.encrypted_content" })).toBe("include");
    expect(param({ input: "x", include: ["file_search_call.results", "nope"] })).toBe("include[1]");
    expect(
      param({
        previous_response_id: "r",
        store: false,
        input: [{ role: "user", content: "x", id: "msg_1" }],
      }),
    ).toBe("input[0].id");
  });

  it("gates v1-only features on dated versions, and lets users turn the checks off", () => {
    for (const request of [
      { input: "x", background: true },
      { input: "x", include: ["reasoning.encrypted_content"] },
      { input: "x", tools: [{ type: "mcp", server_label: "a", server_url: "https://a" }] },
      { input: "x", tools: [{ type: "image_generation" }] },
    ])
      expect(() => checkRequest(client("2025-04-01-preview"), request as ResponseCreateRequest, "d")).toThrow(
        UnsupportedApiVersionError,
      );
    const off = client("2025-04-01-preview", false);
    expect(param({ input: "x", background: true, include: ["newer.value"] }, off)).toBeUndefined();
  });
});
