import { describe, expect, it } from "vitest";
import { InvalidInputError } from "./errors/input-errors.js";
import { checkDeployment, routeUrl } from "./routing.js";

const base = "https://res.openai.azure.com";

describe("routeUrl", () => {
  it("builds the deployment route with api-version", () => {
    expect(routeUrl(base, "2024-10-21", { path: "chat/completions", deployment: "gpt-4o" })).toBe(
      "https://res.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
    );
    expect(routeUrl(`${base}/gw`, "2025-04-01-preview", { path: "audio/speech", deployment: "tts" })).toBe(
      "https://res.openai.azure.com/gw/openai/deployments/tts/audio/speech?api-version=2025-04-01-preview",
    );
  });

  it("builds the v1 route without api-version or deployment, and its preview with api-version=preview", () => {
    const url = routeUrl(base, "v1", { path: "chat/completions", deployment: "gpt-4o" });
    expect(url).toBe("https://res.openai.azure.com/openai/v1/chat/completions");
    expect(routeUrl(base, "preview", { path: "audio/speech", deployment: "tts" })).toBe(
      "https://res.openai.azure.com/openai/v1/audio/speech?api-version=preview",
    );
  });

  it("builds resource routes with escaped path parameters and a query", () => {
    expect(routeUrl(base, "2024-10-21", { path: "files" })).toBe(
      "https://res.openai.azure.com/openai/files?api-version=2024-10-21",
    );
    expect(
      routeUrl(base, "2025-04-01-preview", {
        path: "fine_tuning/jobs",
        query: { after: "ftjob-1&x=2", limit: 10, order: undefined, flag: null },
      }),
    ).toBe(
      "https://res.openai.azure.com/openai/fine_tuning/jobs?api-version=2025-04-01-preview&after=ftjob-1%26x%3D2&limit=10",
    );
    expect(routeUrl(base, "v1", { path: "batches/{id}/cancel", params: { id: "batch/../x?y" } })).toBe(
      "https://res.openai.azure.com/openai/v1/batches/batch%2F..%2Fx%3Fy/cancel",
    );
    expect(routeUrl(base, "v1", { path: "files", query: { limit: 2 } })).toBe(
      "https://res.openai.azure.com/openai/v1/files?limit=2",
    );
  });

  it("repeats the name of a query parameter given as a list, as an array parameter is sent", () => {
    expect(
      routeUrl(base, "v1", {
        path: "responses/{id}",
        params: { id: "resp_1" },
        query: { include: ["a.b", "c&d"] },
      }),
    ).toBe("https://res.openai.azure.com/openai/v1/responses/resp_1?include=a.b&include=c%26d");
    expect(routeUrl(base, "v1", { path: "responses", query: { include: [] } })).toBe(
      "https://res.openai.azure.com/openai/v1/responses",
    );
  });

  it.each(["", ".", "..", undefined])("refuses the path parameter %j", (id) => {
    const call = () => routeUrl(base, "v1", { path: "files/{file_id}", params: { file_id: id as string } });
    expect(call).toThrow(InvalidInputError);
    expect(call).toThrow(/file_id/);
  });

  it("still validates the deployment on v1", () => {
    expect(() => routeUrl(base, "v1", { path: "chat/completions", deployment: "../x" })).toThrow(
      InvalidInputError,
    );
  });
});

describe("checkDeployment", () => {
  it.each([
    ["../x"],
    ["a/b"],
    ["a\\b"],
    ["a?b"],
    ["a#b"],
    ["%2e%2e"],
    ["a%2Fb"],
    ["."],
    [".."],
    [""],
    ["   "],
    ["a\u0000b"],
    ["a\nb"],
    ["a\rb"],
    ["a\tb"],
    ["a\u001fb"],
    ["a\u007fb"],
    ["x".repeat(257)],
  ])("rejects %j", (name) => {
    let caught: unknown;
    try {
      checkDeployment(name);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidInputError);
    expect((caught as InvalidInputError).param).toBe("deployment");
  });

  it.each([undefined, null, 42, {}])("rejects a non-string: %j", (name) => {
    expect(() => checkDeployment(name)).toThrow(InvalidInputError);
  });

  it("says in words that the deployment is missing", () => {
    expect(() => checkDeployment(undefined)).toThrow(
      /^deployment is missing: pass \(client, "my-deployment"\)\.$/,
    );
  });

  it("says the client was forgotten when a name comes where the client goes", () => {
    let caught: InvalidInputError | undefined;
    try {
      checkDeployment(undefined, "whisper");
    } catch (error) {
      caught = error as InvalidInputError;
    }
    expect(caught?.param).toBe("client");
    expect(caught?.message).toBe(
      'client is missing: "whisper" is where the AzureOpenAIClient goes; pass (client, "whisper").',
    );
  });

  it.each([
    ["gpt-4o", "gpt-4o"],
    ["my deployment", "my%20deployment"],
    ["déploiement", "d%C3%A9ploiement"],
    ["模型", "%E6%A8%A1%E5%9E%8B"],
    ["a.b_c~d", "a.b_c~d"],
    ["a+b&c=d", "a%2Bb%26c%3Dd"],
    ["x".repeat(256), "x".repeat(256)],
  ])("sends %j as one path segment", (name, expected) => {
    const url = routeUrl(base, "2024-10-21", { path: "embeddings", deployment: name });
    expect(url).toBe(`${base}/openai/deployments/${expected}/embeddings?api-version=2024-10-21`);
  });
});
