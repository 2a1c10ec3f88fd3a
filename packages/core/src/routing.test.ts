import { describe, expect, it } from "vitest";
import { InvalidInputError } from "./errors/input-errors.js";
import { deploymentSegment, operationUrl } from "./routing.js";

const base = "https://res.openai.azure.com";

describe("operationUrl", () => {
  it("builds the deployment route with api-version", () => {
    expect(operationUrl(base, "2024-10-21", "chat/completions", "gpt-4o")).toBe(
      "https://res.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
    );
    expect(operationUrl(`${base}/gw`, "2025-04-01-preview", "audio/speech", "tts")).toBe(
      "https://res.openai.azure.com/gw/openai/deployments/tts/audio/speech?api-version=2025-04-01-preview",
    );
  });

  it("builds the v1 route without api-version or deployment", () => {
    const url = operationUrl(base, "v1", "chat/completions", "gpt-4o");
    expect(url).toBe("https://res.openai.azure.com/openai/v1/chat/completions");
    expect(url).not.toContain("api-version");
    expect(url).not.toContain("gpt-4o");
  });

  it("still validates the deployment on v1", () => {
    expect(() => operationUrl(base, "v1", "chat/completions", "../x")).toThrow(InvalidInputError);
  });
});

describe("deploymentSegment", () => {
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
      deploymentSegment(name);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidInputError);
    expect((caught as InvalidInputError).param).toBe("deployment");
  });

  it.each([undefined, null, 42, {}])("rejects a non-string: %j", (name) => {
    expect(() => deploymentSegment(name)).toThrow(InvalidInputError);
  });

  it.each([
    ["gpt-4o", "gpt-4o"],
    ["my deployment", "my%20deployment"],
    ["déploiement", "d%C3%A9ploiement"],
    ["模型", "%E6%A8%A1%E5%9E%8B"],
    ["a.b_c~d", "a.b_c~d"],
    ["a+b&c=d", "a%2Bb%26c%3Dd"],
    ["x".repeat(256), "x".repeat(256)],
  ])("escapes %j as one segment", (name, expected) => {
    const segment = deploymentSegment(name);
    expect(segment).toBe(expected);
    expect(segment).not.toMatch(/[/?#]/);
    expect(decodeURIComponent(segment)).toBe(name);
  });
});
