import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_DEPLOYMENTS, type Emulator, startEmulator } from "../src/index.js";
import { deploymentUrl, postJson, USER_CHAT } from "./helpers.js";

let emulator: Emulator;
let url: string;
beforeAll(async () => {
  emulator = await startEmulator({ deployments: { ...DEFAULT_DEPLOYMENTS, "gpt-4o": "gpt-4o-2024-11-20" } });
  url = deploymentUrl(emulator.url, "gpt-4o", "chat/completions");
});
afterAll(() => emulator.close());

const weatherTool = {
  type: "function",
  function: {
    name: "get_weather",
    parameters: {
      type: "object",
      properties: {
        city: { type: "string" },
        unit: { type: "string", enum: ["celsius", "fahrenheit"] },
        days: { type: "integer", minimum: 3 },
      },
      required: ["city", "unit"],
      additionalProperties: false,
    },
  },
};
const timeTool = {
  type: "function",
  function: { name: "get_time", parameters: { type: "object", properties: { zone: { type: "string" } } } },
};

describe("chat/completions (non-streaming)", () => {
  it("answers in Azure's shape with a reply that quotes the question", async () => {
    const { res, json } = await postJson(url, USER_CHAT);
    expect(res.status).toBe(200);
    const body = json();
    expect(body.object).toBe("chat.completion");
    expect(body.id).toMatch(/^chatcmpl-[A-Za-z0-9]{29}$/);
    expect(body.model).toBe("gpt-4o-2024-11-20");
    expect(body.system_fingerprint).toMatch(/^fp_[0-9a-f]{10}$/);
    expect(body.created).toBeGreaterThan(1_700_000_000);
    const [choice] = body.choices;
    expect(choice.message).toMatchObject({ role: "assistant", refusal: null });
    expect(choice.message.content).toContain("What is the capital of France?");
    expect(choice.finish_reason).toBe("stop");
    expect(choice.logprobs).toBeNull();
    expect(Object.keys(choice.content_filter_results).sort()).toEqual([
      "hate",
      "protected_material_code",
      "protected_material_text",
      "self_harm",
      "sexual",
      "violence",
    ]);
    expect(choice.content_filter_results.hate).toEqual({ filtered: false, severity: "safe" });
    expect(body.prompt_filter_results[0].prompt_index).toBe(0);
    expect(body.prompt_filter_results[0].content_filter_results.jailbreak).toEqual({
      filtered: false,
      detected: false,
    });
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
    expect(body.usage.prompt_tokens_details).toEqual({ audio_tokens: 0, cached_tokens: 0 });
    expect(body.usage.completion_tokens_details.reasoning_tokens).toBe(0);
  });

  it("is deterministic, ids and created included", async () => {
    const a = await postJson(url, USER_CHAT);
    const b = await postJson(url, USER_CHAT);
    expect(a.text).toBe(b.text);
    const other = await postJson(url, { messages: [{ role: "user", content: "Something else" }] });
    expect(other.json().id).not.toBe(a.json().id);
  });

  it("returns n choices", async () => {
    const body = (await postJson(url, { ...USER_CHAT, n: 3 })).json();
    expect(body.choices.map((c: { index: number }) => c.index)).toEqual([0, 1, 2]);
  });

  it("returns logprobs whose tokens spell the content", async () => {
    const body = (await postJson(url, { ...USER_CHAT, logprobs: true, top_logprobs: 2 })).json();
    const { content, logprobs } = {
      content: body.choices[0].message.content,
      logprobs: body.choices[0].logprobs,
    };
    expect(logprobs.content.map((t: { token: string }) => t.token).join("")).toBe(content);
    expect(logprobs.content[0].top_logprobs).toHaveLength(2);
    expect(logprobs.content[0].logprob).toBeLessThanOrEqual(0);
  });

  it("calls the first tool with arguments built from its schema", async () => {
    const body = (await postJson(url, { ...USER_CHAT, tools: [weatherTool, timeTool] })).json();
    const [choice] = body.choices;
    expect(choice.finish_reason).toBe("tool_calls");
    expect(choice.message.content).toBeNull();
    const [call] = choice.message.tool_calls;
    expect(call.id).toMatch(/^call_/);
    expect(call.type).toBe("function");
    expect(call.function.name).toBe("get_weather");
    const args = JSON.parse(call.function.arguments);
    expect(args.unit).toBe("celsius");
    expect(typeof args.city).toBe("string");
    expect(Number.isInteger(args.days) && args.days >= 3).toBe(true);
  });

  it("calls the tool tool_choice names", async () => {
    const body = (
      await postJson(url, {
        ...USER_CHAT,
        tools: [weatherTool, timeTool],
        tool_choice: { type: "function", function: { name: "get_time" } },
      })
    ).json();
    expect(body.choices[0].message.tool_calls[0].function.name).toBe("get_time");
  });

  it("answers in text from tool results when the last message is a tool message", async () => {
    const body = (
      await postJson(url, {
        tools: [weatherTool],
        messages: [
          USER_CHAT.messages[0],
          {
            role: "assistant",
            content: null,
            tool_calls: [
              { id: "call_1", type: "function", function: { name: "get_weather", arguments: "{}" } },
            ],
          },
          { role: "tool", tool_call_id: "call_1", content: '{"temperature":21}' },
        ],
      })
    ).json();
    expect(body.choices[0].finish_reason).toBe("stop");
    expect(body.choices[0].message.content).toContain('{"temperature":21}');
    expect(body.choices[0].message.tool_calls).toBeUndefined();
  });

  it("answers a JSON object for response_format json_object", async () => {
    const messages = [{ role: "user", content: "Answer in JSON: what is the capital of France?" }];
    const body = (await postJson(url, { messages, response_format: { type: "json_object" } })).json();
    const value = JSON.parse(body.choices[0].message.content);
    expect(value).toBeTypeOf("object");
    expect(Array.isArray(value)).toBe(false);
  });

  it("answers a value valid for the json_schema", async () => {
    const schema = {
      type: "object",
      properties: {
        name: { type: "string", minLength: 3 },
        tags: { type: "array", items: { type: "string" }, minItems: 2 },
        address: { $ref: "#/$defs/address" },
        kind: { anyOf: [{ type: "null" }, { type: "string", enum: ["a", "b"] }] },
      },
      required: ["name", "tags", "address", "kind"],
      additionalProperties: false,
      $defs: {
        address: {
          type: "object",
          properties: { zip: { type: "integer", minimum: 10000 } },
          required: ["zip"],
        },
      },
    };
    const body = (
      await postJson(url, {
        ...USER_CHAT,
        response_format: { type: "json_schema", json_schema: { name: "person", schema, strict: true } },
      })
    ).json();
    const value = JSON.parse(body.choices[0].message.content);
    expect(Object.keys(value).sort()).toEqual(["address", "kind", "name", "tags"]);
    expect(value.name.length).toBeGreaterThanOrEqual(3);
    expect(value.tags).toHaveLength(2);
    expect(value.address.zip).toBeGreaterThanOrEqual(10000);
    expect(value.kind).toBe("a");
  });

  it("adds On Your Data context when data_sources are given", async () => {
    const body = (
      await postJson(url, {
        ...USER_CHAT,
        data_sources: [{ type: "azure_search", parameters: { endpoint: "https://s", index_name: "i" } }],
      })
    ).json();
    const { context, content } = body.choices[0].message;
    expect(content).toContain("[doc1]");
    expect(Object.keys(context.citations[0]).sort()).toEqual([
      "chunk_id",
      "content",
      "filepath",
      "title",
      "url",
    ]);
    expect(JSON.parse(context.intent)).toEqual(["What is the capital of France?"]);
  });

  it("stops with finish_reason length at max_tokens", async () => {
    const body = (await postJson(url, { ...USER_CHAT, max_tokens: 3 })).json();
    expect(body.choices[0].finish_reason).toBe("length");
    expect(body.usage.completion_tokens).toBeLessThanOrEqual(3);
  });

  it("uses a scripted reply from the header", async () => {
    const reply = {
      content: "Filtered.",
      finish_reason: "content_filter",
      usage: { prompt_tokens: 7, completion_tokens: 2 },
    };
    const body = (await postJson(url, USER_CHAT, { "x-aoai-emulator-reply": JSON.stringify(reply) })).json();
    expect(body.choices[0].message.content).toBe("Filtered.");
    expect(body.choices[0].finish_reason).toBe("content_filter");
    expect(body.choices[0].content_filter_results.violence).toEqual({ filtered: true, severity: "medium" });
    expect(body.usage).toMatchObject({ prompt_tokens: 7, completion_tokens: 2, total_tokens: 9 });
  });

  it("uses scripted replies queued with emulator.script(), once each", async () => {
    emulator.script({ refusal: "I can't help with that." });
    emulator.script({ tool_calls: [{ function: { name: "lookup", arguments: { q: 1 } } }] });
    const first = (await postJson(url, USER_CHAT)).json().choices[0];
    expect(first.message).toMatchObject({ content: null, refusal: "I can't help with that." });
    const second = (await postJson(url, USER_CHAT)).json().choices[0];
    expect(second.finish_reason).toBe("tool_calls");
    expect(second.message.tool_calls[0].function).toEqual({ name: "lookup", arguments: '{"q":1}' });
    const third = (await postJson(url, USER_CHAT)).json().choices[0];
    expect(third.message.content).toContain("capital of France");
  });

  it("rejects an invalid scripted reply with a 400", async () => {
    const { res, json } = await postJson(url, USER_CHAT, { "x-aoai-emulator-reply": "{nope" });
    expect(res.status).toBe(400);
    expect(json().error.code).toBe("InvalidEmulatorReply");
    expect(() => emulator.script({ content: 5 } as never)).toThrow(/content must be a string/);
  });
});

describe("reasoning models (o-series, gpt-5)", () => {
  const url = (deployment: string) => deploymentUrl(emulator.url, deployment, "chat/completions");

  it("refuses max_tokens with Azure's unsupported_parameter, naming max_completion_tokens", async () => {
    const { res, json } = await postJson(url("o3-mini"), { ...USER_CHAT, max_tokens: 100 });
    expect(res.status).toBe(400);
    expect(json().error).toEqual({
      message:
        "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
      type: "invalid_request_error",
      param: "max_tokens",
      code: "unsupported_parameter",
    });
  });

  it("refuses temperature on o-series, and a temperature other than 1 on gpt-5", async () => {
    const o = await postJson(url("o1"), { ...USER_CHAT, temperature: 0.2 });
    expect(o.res.status).toBe(400);
    expect(o.json().error.code).toBe("unsupported_value");
    expect(o.json().error.param).toBe("temperature");
    const g = await postJson(url("gpt-5-mini"), { ...USER_CHAT, temperature: 0.7 });
    expect(g.res.status).toBe(400);
    expect(g.json().error.code).toBe("unsupported_value");
    expect(g.json().error.message).toBe(
      "Unsupported value: 'temperature' does not support 0.7 with this model. Only the default (1) value is supported.",
    );
    expect((await postJson(url("gpt-5-mini"), { ...USER_CHAT, temperature: 1 })).res.status).toBe(200);
  });

  it("answers max_completion_tokens and reasoning_effort; other models still take max_tokens", async () => {
    // Both arrived with the previews (2024-12-01-preview), so the GA spec of 2024-10-21 refuses them.
    const preview = deploymentUrl(emulator.url, "o4-mini", "chat/completions", "2025-04-01-preview");
    const { res } = await postJson(preview, {
      ...USER_CHAT,
      max_completion_tokens: 500,
      reasoning_effort: "low",
    });
    expect(res.status).toBe(200);
    expect(
      (await postJson(url("gpt-4o"), { ...USER_CHAT, max_tokens: 10, temperature: 0.2 })).res.status,
    ).toBe(200);
  });
});
