import { describe, expect, it } from "vitest";
import { ChatCompletionAccumulator } from "./accumulator.js";
import type { ChatCompletionChunk, ChatCompletionChunkChoice } from "./response-types.js";

const safe = { filtered: false, severity: "safe" } as const;
const base = {
  id: "chatcmpl-1",
  object: "chat.completion.chunk",
  created: 1700000000,
  model: "gpt-4o",
} as const;
const chunk = (
  choices: Partial<ChatCompletionChunkChoice>[],
  extra: Partial<ChatCompletionChunk> = {},
): ChatCompletionChunk =>
  ({
    ...base,
    choices: choices.map((c) => ({ index: 0, finish_reason: null, ...c })),
    ...extra,
  }) as ChatCompletionChunk;
const promptFilterOnly: ChatCompletionChunk = {
  id: "",
  object: "",
  created: 0,
  model: "",
  choices: [],
  prompt_filter_results: [
    {
      prompt_index: 0,
      content_filter_results: { hate: safe, jailbreak: { filtered: false, detected: false } },
    },
  ],
};

function run(chunks: ChatCompletionChunk[]) {
  const acc = new ChatCompletionAccumulator();
  for (const c of chunks) acc.add(c);
  return acc.result();
}

describe("ChatCompletionAccumulator", () => {
  it("takes the prompt-filter-only chunk (empty choices, blank id) without losing id/model", () => {
    const c = run([
      promptFilterOnly,
      chunk([{ delta: { role: "assistant", content: "" } }]),
      chunk([{ delta: { content: "Ahoy" } }]),
      chunk([{ delta: { content: ", matey" } }]),
      chunk([{ delta: {}, finish_reason: "stop" }]),
    ]);
    expect(c).toMatchObject({
      id: "chatcmpl-1",
      model: "gpt-4o",
      created: 1700000000,
      object: "chat.completion",
    });
    expect(c.prompt_filter_results?.[0]?.content_filter_results?.jailbreak?.detected).toBe(false);
    expect(c.choices).toEqual([
      {
        index: 0,
        message: { role: "assistant", content: "Ahoy, matey", refusal: null },
        finish_reason: "stop",
        logprobs: null,
      },
    ]);
  });

  it("takes annotation-only chunks (no delta) and merges filter results, a filtered category staying filtered", () => {
    const c = run([
      chunk([{ delta: { content: "a" }, content_filter_results: { hate: safe, violence: safe } }]),
      chunk([{ content_filter_results: { violence: { filtered: true, severity: "medium" } } }]),
      chunk([
        {
          content_filter_results: {
            violence: safe,
            protected_material_text: { filtered: false, detected: false },
          },
        },
      ]),
      chunk([{ delta: {}, finish_reason: "content_filter" }]),
    ]);
    const choice = c.choices[0]!;
    expect(choice.message.content).toBe("a");
    expect(choice.finish_reason).toBe("content_filter");
    expect(choice.content_filter_results).toEqual({
      hate: safe,
      violence: { filtered: true, severity: "medium" },
      protected_material_text: { filtered: false, detected: false },
    });
  });

  it("keeps the Asynchronous Filter's latest offsets, from annotations that trail the text", () => {
    // Azure's async-filter annotation chunks: blank id and model, no delta, offsets per choice.
    const annotation = (check: number, start: number, end: number): ChatCompletionChunk => ({
      id: "",
      object: "",
      created: 0,
      model: "",
      choices: [
        {
          index: 0,
          finish_reason: null,
          content_filter_results: { hate: safe },
          content_filter_offsets: { check_offset: check, start_offset: start, end_offset: end },
        },
      ],
    });
    const c = run([
      chunk([{ delta: { content: "Hello" } }]),
      annotation(0, 0, 5),
      chunk([{ delta: { content: " there" } }]),
      chunk([{ delta: {}, finish_reason: "stop" }]),
      annotation(5, 5, 11),
    ]);
    const choice = c.choices[0]!;
    expect(choice.message.content).toBe("Hello there");
    expect(choice.finish_reason).toBe("stop");
    expect(choice.content_filter_offsets).toEqual({ check_offset: 5, start_offset: 5, end_offset: 11 });
    expect(c.id).toBe("chatcmpl-1");
    // Without the Asynchronous Filter there are none.
    expect(run([chunk([{ delta: { content: "a" } }])]).choices[0]).not.toHaveProperty(
      "content_filter_offsets",
    );
  });

  it("joins tool call argument fragments across chunks, for parallel calls", () => {
    const c = run([
      chunk([{ delta: { role: "assistant", content: null } }]),
      chunk([
        {
          delta: {
            tool_calls: [
              { index: 0, id: "call_a", type: "function", function: { name: "get_weather", arguments: "" } },
            ],
          },
        },
      ]),
      chunk([{ delta: { tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] } }]),
      chunk([
        {
          delta: {
            tool_calls: [
              {
                index: 1,
                id: "call_b",
                type: "function",
                function: { name: "get_time", arguments: '{"tz"' },
              },
            ],
          },
        },
      ]),
      chunk([{ delta: { tool_calls: [{ index: 0, function: { arguments: '"Paris"}' } }] } }]),
      chunk([{ delta: { tool_calls: [{ index: 1, function: { arguments: ':"CET"}' } }] } }]),
      chunk([{ delta: {}, finish_reason: "tool_calls" }]),
    ]);
    const message = c.choices[0]!.message;
    expect(message.content).toBeNull();
    expect(message.tool_calls).toEqual([
      { id: "call_a", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } },
      { id: "call_b", type: "function", function: { name: "get_time", arguments: '{"tz":"CET"}' } },
    ]);
    expect(JSON.parse(message.tool_calls![0]!.function.arguments)).toEqual({ city: "Paris" });
    expect(c.choices[0]!.finish_reason).toBe("tool_calls");
  });

  it("keeps multiple choices apart, sorted by index, whatever the arrival order", () => {
    const c = run([
      chunk([{ index: 1, delta: { content: "B1" } }]),
      chunk([
        { index: 0, delta: { content: "A1" } },
        { index: 1, delta: { content: "B2" } },
      ]),
      chunk([{ index: 0, delta: { content: "A2" }, finish_reason: "stop" }]),
      chunk([{ index: 1, delta: {}, finish_reason: "length" }]),
    ]);
    expect(c.choices.map((x) => [x.index, x.message.content, x.finish_reason])).toEqual([
      [0, "A1A2", "stop"],
      [1, "B1B2", "length"],
    ]);
  });

  it("takes the usage chunk (empty choices) and logprobs, refusal and context", () => {
    const lp = (token: string) => ({ token, logprob: -0.1, bytes: null, top_logprobs: [] });
    const usage = {
      prompt_tokens: 10,
      completion_tokens: 2,
      total_tokens: 12,
      completion_tokens_details: { reasoning_tokens: 0 },
    };
    const c = run([
      chunk([
        {
          delta: {
            role: "assistant",
            context: { intent: '["parrots"]', citations: [{ content: "doc", title: "Parrots" }] },
          },
        },
      ]),
      chunk([{ delta: { content: "Hi" }, logprobs: { content: [lp("Hi")], refusal: null } }]),
      chunk([{ delta: { content: "!" }, logprobs: { content: [lp("!")], refusal: null } }]),
      chunk([{ delta: { refusal: "no" } }]),
      chunk([{ delta: {}, finish_reason: "stop" }]),
      chunk([], { usage }),
    ]);
    expect(c.usage).toEqual(usage);
    const choice = c.choices[0]!;
    expect(choice.logprobs?.content?.map((t) => t.token)).toEqual(["Hi", "!"]);
    expect(choice.message.refusal).toBe("no");
    expect(choice.message.context?.citations?.[0]?.title).toBe("Parrots");
    expect(choice.message.context?.intent).toBe('["parrots"]');
  });

  it("does not keep or copy chunks: a completion is a fresh object each time", () => {
    const acc = new ChatCompletionAccumulator();
    acc.add(chunk([{ delta: { content: "x" } }]));
    const first = acc.result();
    acc.add(chunk([{ delta: { content: "y" } }]));
    expect(first.choices).not.toBe(acc.result().choices);
    expect(acc.result().choices[0]!.message.content).toBe("xy");
  });
});

describe("service tier", () => {
  it("keeps the tier the chunks name", () => {
    const result = run([
      chunk([{ delta: { role: "assistant", content: "Hi" } }], { service_tier: "priority" }),
      chunk([{ delta: {}, finish_reason: "stop" }], { service_tier: "priority" }),
    ]);
    expect(result.service_tier).toBe("priority");
  });
});
