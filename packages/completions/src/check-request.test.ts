import { AzureOpenAIClient, UnsupportedApiVersionError } from "@aoai/core";
import { describe, expect, it } from "vitest";
import { paramOf } from "../../../test-utils/input-errors.js";
import { checkRequest } from "./check-request.js";
import type { CompletionCreateRequest } from "./request-types.js";

const client = (apiVersion: string, versionChecks = true) =>
  new AzureOpenAIClient({
    endpoint: "https://example.openai.azure.com",
    apiKey: "k",
    apiVersion,
    versionChecks,
  });
const ga = client("2024-10-21");

const bad = (request: unknown, streaming = false) =>
  paramOf(() => checkRequest(ga, request as CompletionCreateRequest, streaming));
const ok = (request: unknown, streaming = false) =>
  expect(() => checkRequest(ga, request as CompletionCreateRequest, streaming)).not.toThrow();

describe("prompt", () => {
  it("accepts a text, texts, token ids and token-id arrays, with every documented field", () => {
    ok({ prompt: "What is Azure OpenAI, in 20 words or less", max_tokens: 2048, temperature: 0 });
    ok({ prompt: ["a", "b"] });
    ok({ prompt: [1212, 318, 0] });
    ok({ prompt: [[1212], [318, 257]] });
    ok({
      prompt: " ",
      max_tokens: 0,
      temperature: 1,
      top_p: 1,
      n: 2,
      logprobs: 5,
      echo: true,
      stop: ["\n"],
      suffix: "end",
      best_of: 4,
      presence_penalty: 0,
      frequency_penalty: 0,
      logit_bias: { "50256": -100 },
      seed: 1,
      user: "u",
      some_future_field: 1,
    });
  });

  it("refuses an empty prompt: empty string, empty array, empty item, empty token array", () => {
    expect(bad({ prompt: "" })).toBe("prompt");
    expect(bad({ prompt: [] })).toBe("prompt");
    expect(bad({ prompt: ["a", ""] })).toBe("prompt[1]");
    expect(bad({ prompt: [[1], []] })).toBe("prompt[1]");
  });

  it("refuses a missing or mistyped prompt, a non-object request, mixed kinds and bad token ids", () => {
    expect(bad({})).toBe("prompt");
    expect(bad({ prompt: null })).toBe("prompt");
    expect(bad({ prompt: 42 })).toBe("prompt");
    expect(bad(null)).toBe("request");
    expect(bad(["hi"])).toBe("request");
    expect(bad({ prompt: ["a", [1]] })).toBe("prompt[1]");
    expect(bad({ prompt: [[1], "a"] })).toBe("prompt[1]");
    expect(bad({ prompt: [1, 2.5] })).toBe("prompt[1]");
    expect(bad({ prompt: [1, -1] })).toBe("prompt[1]");
    expect(bad({ prompt: [1, [2]] })).toBe("prompt[1]");
    expect(bad({ prompt: [[1, "x"]] })).toBe("prompt[0][1]");
    expect(bad({ prompt: [{}] })).toBe("prompt[0]");
  });

  it("says what is wrong in the message", () => {
    expect(() => checkRequest(ga, { prompt: "" }, false)).toThrow(/prompt is an empty string/);
    expect(() => checkRequest(ga, { prompt: [[1], []] }, false)).toThrow(
      /prompt\[1\] must be a non-empty token-id array/,
    );
  });
});

describe("options", () => {
  it("refuses n outside 1..128, logprobs outside 0..5 and negative or fractional max_tokens", () => {
    expect(bad({ prompt: "x", n: 0 })).toBe("n");
    expect(bad({ prompt: "x", n: 129 })).toBe("n");
    expect(bad({ prompt: "x", n: 1.5 })).toBe("n");
    expect(bad({ prompt: "x", logprobs: 6 })).toBe("logprobs");
    expect(bad({ prompt: "x", logprobs: -1 })).toBe("logprobs");
    expect(bad({ prompt: "x", max_tokens: -1 })).toBe("max_tokens");
    ok({ prompt: "x", n: null, logprobs: null, best_of: null });
  });

  it("refuses best_of smaller than n (n defaulting to 1), or above 20", () => {
    expect(bad({ prompt: "x", n: 3, best_of: 2 })).toBe("best_of");
    expect(bad({ prompt: "x", best_of: 0 })).toBe("best_of");
    expect(bad({ prompt: "x", best_of: 21 })).toBe("best_of");
    expect(() => checkRequest(ga, { prompt: "x", n: 3, best_of: 2 }, false)).toThrow(
      "best_of must be at least n (3), got 2.",
    );
    ok({ prompt: "x", n: 3, best_of: 3 });
    ok({ prompt: "x", n: 2, best_of: 5 });
  });

  it("refuses best_of above 1 on a stream (best_of: 1 is the default and streams)", () => {
    expect(bad({ prompt: "x", best_of: 2 }, true)).toBe("best_of");
    ok({ prompt: "x", best_of: 1 }, true);
    ok({ prompt: "x", best_of: 2 }, false);
  });

  it("refuses stream: true in complete() and stream: false in stream()", () => {
    expect(bad({ prompt: "x", stream: true })).toBe("stream");
    expect(bad({ prompt: "x", stream: false }, true)).toBe("stream");
    ok({ prompt: "x", stream: true }, true);
  });
});

describe("API version checks", () => {
  const feature = (apiVersion: string, request: Partial<CompletionCreateRequest>, checks = true) => {
    try {
      checkRequest(client(apiVersion, checks), { prompt: "x", ...request }, true);
    } catch (error) {
      expect(error).toBeInstanceOf(UnsupportedApiVersionError);
      return (error as UnsupportedApiVersionError).feature;
    }
    return undefined;
  };
  const usage = { stream_options: { include_usage: true } };

  it("refuses stream_options where the version lacks it, naming the versions that have it", () => {
    expect(feature("2024-06-01", usage)).toBe("stream_options");
    expect(feature("2024-08-01-preview", usage)).toBe("stream_options");
    try {
      checkRequest(client("2024-06-01"), { prompt: "x", ...usage }, true);
    } catch (error) {
      expect((error as UnsupportedApiVersionError).supportedVersions).toContain("2024-10-21");
    }
  });

  it("allows it from 2024-09-01-preview, on 2024-10-21, v1 and preview; null is unset", () => {
    for (const v of ["2024-09-01-preview", "2024-10-21", "2025-04-01-preview", "v1", "preview"])
      expect(feature(v, usage)).toBeUndefined();
    expect(feature("2024-06-01", { stream_options: null })).toBeUndefined();
  });

  it("checks nothing with versionChecks: false or on a version the SDK does not know", () => {
    expect(feature("2024-06-01", usage, false)).toBeUndefined();
    expect(feature("2026-01-01-preview", usage)).toBeUndefined();
  });
});
