import { AzureOpenAIClient, UnsupportedApiVersionError } from "@aoai/core";
import { describe, expect, it } from "vitest";
import { paramOf } from "../../../test-utils/input-errors.js";
import { checkRequest } from "./check-request.js";
import type { ChatCompletionCreateRequest } from "./request-types.js";
import { VERSIONED_FIELDS } from "./versions.js";

const client = (apiVersion: string) =>
  new AzureOpenAIClient({ endpoint: "https://example.openai.azure.com", apiKey: "k", apiVersion });
const ga = client("2024-10-21");
const user = { role: "user", content: "hi" } as const;

const bad = (request: unknown, streaming = false) =>
  paramOf(() => checkRequest(ga, request as ChatCompletionCreateRequest, streaming));

describe("input validation", () => {
  it("refuses what Azure refuses with a 400: top_logprobs without logprobs", () => {
    expect(bad({ messages: [user], top_logprobs: 2 })).toBe("top_logprobs");
    expect(bad({ messages: [user], top_logprobs: 2, logprobs: false })).toBe("top_logprobs");
    expect(() =>
      checkRequest(ga, { messages: [user], top_logprobs: 2, logprobs: true }, false),
    ).not.toThrow();
  });

  it("refuses what Azure refuses with a 400 about how the parts fit together", () => {
    const call = { id: "c1", type: "function", function: { name: "f", arguments: "{}" } };
    const asked = { role: "assistant", content: null, tool_calls: [call] };
    const answer = { role: "tool", tool_call_id: "c1", content: "42" };
    expect(bad({ messages: [user, answer] })).toBe("messages[1]");
    expect(bad({ messages: [user, asked, answer, answer, user, answer] })).toBe("messages[5]");
    expect(() => checkRequest(ga, { messages: [user, asked, answer, answer] } as never, false)).not.toThrow();
    expect(bad({ messages: [user], stream_options: { include_usage: true } })).toBe("stream_options");
    expect(() =>
      checkRequest(ga, { messages: [user], stream_options: { include_usage: true } }, true),
    ).not.toThrow();
    const json = { type: "json_object" };
    expect(bad({ messages: [user], response_format: json })).toBe("response_format");
    expect(() =>
      checkRequest(
        ga,
        { messages: [{ role: "system", content: "Answer in JSON." }, user], response_format: json } as never,
        false,
      ),
    ).not.toThrow();
    expect(() =>
      checkRequest(
        ga,
        {
          messages: [{ role: "user", content: [{ type: "text", text: "a json list" }] }],
          response_format: json,
        } as never,
        false,
      ),
    ).not.toThrow();
  });

  it("accepts every role and content-part shape", () => {
    expect(() =>
      checkRequest(
        ga,
        {
          messages: [
            { role: "system", content: "s" },
            {
              role: "user",
              content: [
                { type: "text", text: "t" },
                { type: "image_url", image_url: { url: "https://x/y.png" } },
              ],
            },
            {
              role: "assistant",
              content: null,
              tool_calls: [{ id: "c", type: "function", function: { name: "f", arguments: "{}" } }],
            },
            { role: "tool", content: "r", tool_call_id: "c" },
          ],
          tools: [{ type: "function", function: { name: "f" } }],
          some_future_field: 1,
        } as ChatCompletionCreateRequest,
        false,
      ),
    ).not.toThrow();
  });

  it("refuses missing, non-array and empty messages", () => {
    expect(bad({})).toBe("messages");
    expect(bad({ messages: "hi" })).toBe("messages");
    expect(bad({ messages: [] })).toBe("messages");
    expect(bad(null)).toBe("messages");
  });

  it("refuses unknown roles and non-object messages, naming the index", () => {
    expect(bad({ messages: [user, { role: "bot", content: "x" }] })).toBe("messages[1].role");
    expect(bad({ messages: ["hi"] })).toBe("messages[0].role");
  });

  it("refuses stream: true in complete() and stream: false in stream()", () => {
    expect(bad({ messages: [user], stream: true })).toBe("stream");
    expect(bad({ messages: [user], stream: false }, true)).toBe("stream");
    expect(() =>
      checkRequest(ga, { messages: [user], stream: true } as ChatCompletionCreateRequest, true),
    ).not.toThrow();
  });

  it("refuses missing content, empty parts, parts without type, tool without tool_call_id", () => {
    expect(bad({ messages: [{ role: "user" }] })).toBe("messages[0].content");
    expect(bad({ messages: [{ role: "user", content: [] }] })).toBe("messages[0].content");
    expect(bad({ messages: [{ role: "user", content: [{ text: "x" }] }] })).toBe(
      "messages[0].content[0].type",
    );
    expect(bad({ messages: [{ role: "assistant" }] })).toBe("messages[0].content");
    expect(bad({ messages: [{ role: "tool", content: "x" }] })).toBe("messages[0].tool_call_id");
  });

  it("refuses data_sources that is not a list", () => {
    expect(bad({ messages: [user], data_sources: { type: "azure_search" } })).toBe("data_sources");
  });
});

describe("API version checks", () => {
  const unsupported = (apiVersion: string, request: Partial<ChatCompletionCreateRequest>) => {
    try {
      const streaming = "stream_options" in request;
      checkRequest(
        client(apiVersion),
        { messages: [user], ...request } as ChatCompletionCreateRequest,
        streaming,
      );
    } catch (error) {
      expect(error).toBeInstanceOf(UnsupportedApiVersionError);
      return (error as UnsupportedApiVersionError).feature;
    }
    return undefined;
  };

  it("refuses preview-only options on GA versions, before sending", () => {
    expect(unsupported("2024-10-21", { reasoning_effort: "low" })).toBe("reasoning_effort");
    expect(unsupported("2024-06-01", { stream_options: { include_usage: true } })).toBe("stream_options");
    expect(unsupported("2024-10-21", { messages: [{ role: "developer", content: "d" }] })).toBe("developer");
    expect(
      unsupported("2024-12-01-preview", {
        messages: [
          { role: "user", content: [{ type: "input_audio", input_audio: { data: "AA==", format: "wav" } }] },
        ],
      }),
    ).toBe("input_audio");
    expect(unsupported("2024-06-01", { max_completion_tokens: 5 })).toBe("max_completion_tokens");
    expect(unsupported("2024-06-01", { parallel_tool_calls: false })).toBe("parallel_tool_calls");
    expect(
      unsupported("2024-06-01", {
        response_format: { type: "json_schema", json_schema: { name: "x", schema: {} } },
      }),
    ).toBe("json_schema");
    expect(
      unsupported("2024-10-21", {
        data_sources: [
          {
            type: "pinecone",
            parameters: { environment: "e", index_name: "i", authentication: { type: "api_key", key: "k" } },
          },
        ],
      }),
    ).toBe("pinecone");
  });

  it("checks every versioned field, whatever else the request has", () => {
    for (const field of VERSIONED_FIELDS) {
      const request = { temperature: 1, [field]: {}, max_tokens: 5 } as Partial<ChatCompletionCreateRequest>;
      expect(unsupported("2024-06-01", request)).toBe(field);
    }
  });

  it("allows them where the version has them, and everything on v1", () => {
    expect(
      unsupported("2024-10-21", { max_completion_tokens: 5, parallel_tool_calls: false }),
    ).toBeUndefined();
    expect(unsupported("2024-12-01-preview", { reasoning_effort: "low" })).toBeUndefined();
    expect(unsupported("2025-04-01-preview", { stream_options: { include_usage: true } })).toBeUndefined();
    // The live service takes it on the default GA version (the chat README's streaming snippet).
    expect(unsupported("2024-10-21", { stream_options: { include_usage: true } })).toBeUndefined();
    expect(
      unsupported("v1", { reasoning_effort: "high", store: true, modalities: ["text"] }),
    ).toBeUndefined();
    expect(unsupported("2024-10-21", { reasoning_effort: null })).toBeUndefined();
  });

  it("checks nothing when the client turns version checks off", () => {
    const off = new AzureOpenAIClient({
      endpoint: "https://x.openai.azure.com",
      apiKey: "k",
      apiVersion: "2024-06-01",
      versionChecks: false,
    });
    expect(() =>
      checkRequest(off, { messages: [{ role: "developer", content: "d" }], reasoning_effort: "low" }, false),
    ).not.toThrow();
  });

  it("does not check a dated version it does not know", () => {
    expect(unsupported("2026-01-01-preview", { reasoning_effort: "low" })).toBeUndefined();
  });

  it("names the versions that have the option in the error", () => {
    try {
      checkRequest(client("2024-10-21"), { messages: [user], reasoning_effort: "low" }, false);
    } catch (error) {
      expect((error as UnsupportedApiVersionError).supportedVersions).toContain("2024-12-01-preview");
      expect((error as Error).message).toContain("reasoning_effort");
      return;
    }
    expect.unreachable("reasoning_effort on 2024-10-21 must throw");
  });
});
