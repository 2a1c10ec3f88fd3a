import { describe, expect, it } from "vitest";
import { CompletionAccumulator } from "./accumulator.js";
import type { CompletionChunk, CompletionChunkChoice } from "./response-types.js";

const safe = { filtered: false, severity: "safe" } as const;
const head = {
  id: "cmpl-1",
  object: "text_completion",
  created: 1700000000,
  model: "gpt-35-turbo-instruct",
} as const;
const chunk = (
  choices: Partial<CompletionChunkChoice>[],
  extra: Partial<CompletionChunk> = {},
): CompletionChunk =>
  ({
    ...head,
    choices: choices.map((c) => ({ text: "", index: 0, finish_reason: null, ...c })),
    ...extra,
  }) as CompletionChunk;
const promptFilterOnly = (count: number): CompletionChunk => ({
  id: "",
  object: "",
  created: 0,
  model: "",
  choices: [],
  prompt_filter_results: Array.from({ length: count }, (_, prompt_index) => ({
    prompt_index,
    content_filter_results: { hate: safe, jailbreak: { filtered: false, detected: false } },
  })),
});

function run(chunks: CompletionChunk[]) {
  const acc = new CompletionAccumulator();
  for (const c of chunks) acc.add(c);
  return acc.result();
}

describe("CompletionAccumulator", () => {
  it("takes the prompt-filter-only chunk (blank id) without losing id/model, and joins the text", () => {
    const c = run([
      promptFilterOnly(1),
      chunk([{ text: "Azure", content_filter_results: { hate: safe } }]),
      chunk([{ text: " OpenAI" }]),
      chunk([{ text: "", finish_reason: "stop" }]),
    ]);
    expect(c).toMatchObject(head);
    expect(c.prompt_filter_results).toHaveLength(1);
    expect(c.prompt_filter_results?.[0]?.content_filter_results?.jailbreak?.detected).toBe(false);
    expect(c.choices).toEqual([
      {
        text: "Azure OpenAI",
        index: 0,
        finish_reason: "stop",
        logprobs: null,
        content_filter_results: { hate: safe },
      },
    ]);
  });

  it("assembles per choice index across prompts (index = prompt_index * n + i), interleaved, sorted", () => {
    // Two prompts, n = 2: indexes 0, 1 for the first prompt, 2, 3 for the second.
    const c = run([
      promptFilterOnly(2),
      chunk([{ index: 3, text: "D1" }]),
      chunk([{ index: 0, text: "A1" }]),
      chunk([{ index: 2, text: "C1" }]),
      chunk([
        { index: 1, text: "B1" },
        { index: 0, text: "A2" },
      ]),
      chunk([{ index: 3, text: "D2", finish_reason: "length" }]),
      chunk([{ index: 0, finish_reason: "stop" }]),
      chunk([{ index: 1, text: "B2", finish_reason: "stop" }]),
      chunk([{ index: 2, text: "C2", finish_reason: "stop" }]),
    ]);
    expect(c.choices.map((x) => [x.index, x.text, x.finish_reason])).toEqual([
      [0, "A1A2", "stop"],
      [1, "B1B2", "stop"],
      [2, "C1C2", "stop"],
      [3, "D1D2", "length"],
    ]);
    expect(c.prompt_filter_results?.map((r) => r.prompt_index)).toEqual([0, 1]);
  });

  it("concatenates logprobs lists in order: tokens, token_logprobs, top_logprobs, text_offset", () => {
    const c = run([
      chunk([
        {
          text: "Hello",
          logprobs: { tokens: ["Hello"], token_logprobs: [null], top_logprobs: [null], text_offset: [0] },
        },
      ]),
      chunk([
        {
          text: " World",
          logprobs: {
            tokens: [" World"],
            token_logprobs: [-0.25],
            top_logprobs: [{ " World": -0.25, " world": -1.5 }],
            text_offset: [5],
          },
        },
      ]),
      chunk([{ text: "!", logprobs: null }]),
      chunk([{ finish_reason: "stop" }]),
    ]);
    expect(c.choices[0]!.logprobs).toEqual({
      tokens: ["Hello", " World"],
      token_logprobs: [null, -0.25],
      top_logprobs: [null, { " World": -0.25, " world": -1.5 }],
      text_offset: [0, 5],
    });
    expect(c.choices[0]!.text).toBe("Hello World!");
  });

  it("merges filter results per category, a filtered category staying filtered; prompt results per prompt", () => {
    const c = run([
      promptFilterOnly(1),
      {
        ...promptFilterOnly(0),
        prompt_filter_results: [{ prompt_index: 0, content_filter_results: { violence: safe } }],
      },
      chunk([{ text: "a", content_filter_results: { hate: safe, violence: safe } }]),
      chunk([{ content_filter_results: { violence: { filtered: true, severity: "medium" } } }]),
      chunk([
        {
          content_filter_results: {
            violence: safe,
            protected_material_text: { filtered: false, detected: false },
          },
        },
      ]),
      chunk([{ finish_reason: "content_filter" }]),
    ]);
    expect(c.choices[0]!.finish_reason).toBe("content_filter");
    expect(c.choices[0]!.content_filter_results).toEqual({
      hate: safe,
      violence: { filtered: true, severity: "medium" },
      protected_material_text: { filtered: false, detected: false },
    });
    expect(c.prompt_filter_results).toEqual([
      {
        prompt_index: 0,
        content_filter_results: {
          hate: safe,
          jailbreak: { filtered: false, detected: false },
          violence: safe,
        },
      },
    ]);
  });

  it("takes usage from the usage chunk (empty choices) and ignores usage: null on the others", () => {
    const usage = { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 };
    const c = run([
      chunk([{ text: "Hi" }], { usage: null }),
      chunk([{ finish_reason: "stop" }], { usage: null, system_fingerprint: "fp_1" }),
      chunk([], { usage }),
    ]);
    expect(c.usage).toEqual(usage);
    expect(c.system_fingerprint).toBe("fp_1");
  });

  it("never writes into the chunks it reads; a completion is a fresh object each time", () => {
    const first = promptFilterOnly(1);
    const before = JSON.stringify(first);
    const annotated = chunk([{ text: "x", content_filter_results: { hate: safe } }]);
    const acc = new CompletionAccumulator();
    acc.add(first);
    acc.add(annotated);
    acc.add({
      ...promptFilterOnly(0),
      prompt_filter_results: [{ prompt_index: 0, content_filter_results: { violence: safe } }],
    });
    acc.add(chunk([{ text: "y", content_filter_results: { violence: safe } }]));
    expect(JSON.stringify(first)).toBe(before);
    expect(annotated.choices[0]!.content_filter_results).toEqual({ hate: safe });
    const one = acc.result();
    expect(one.choices).not.toBe(acc.result().choices);
    expect(one.choices[0]!.text).toBe("xy");
  });

  it("refuses a choice index that is not a whole number up to a million", () => {
    for (const index of [-1, 1.5, 2_000_000_000, "1" as never])
      expect(() => run([chunk([{ index, text: "x" }])])).toThrow(TypeError);
  });

  it("starts empty: no choices, object text_completion", () => {
    expect(new CompletionAccumulator().result()).toEqual({
      id: "",
      object: "text_completion",
      created: 0,
      model: "",
      choices: [],
    });
  });
});
