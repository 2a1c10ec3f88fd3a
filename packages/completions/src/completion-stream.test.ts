import { describe, expect, it } from "vitest";
import { memorySource } from "../../../test-utils/chunk-source.js";
import { CompletionStream } from "./completion-stream.js";
import { readCompletionStream } from "./read-completion-stream.js";
import type { CompletionChunk } from "./response-types.js";

// The completions accumulator through the stream, over an in-memory chunk source (core tests
// the read-once logic all streams share; HTTP is covered in test/).
const words = ["Azure", " OpenAI", " is", " Azure's", " OpenAI"];
function chunks(): CompletionChunk[] {
  const base = {
    id: "cmpl-1",
    object: "text_completion",
    created: 1,
    model: "gpt-35-turbo-instruct",
  } as const;
  return [
    { id: "", object: "", created: 0, model: "", choices: [], prompt_filter_results: [{ prompt_index: 0 }] },
    ...words.map((text) => ({ ...base, choices: [{ text, index: 0, finish_reason: null }] })),
    // A second choice (n = 2), interleaved.
    { ...base, choices: [{ text: "Other", index: 1, finish_reason: "stop" as const }] },
    { ...base, choices: [{ text: "", index: 0, finish_reason: "stop" as const }] },
    { ...base, choices: [], usage: { prompt_tokens: 3, completion_tokens: 6, total_tokens: 9 } },
  ];
}
const source = (list = chunks()) => memorySource(list);

describe("CompletionStream", () => {
  it("yields the source's chunk objects themselves, then finalCompletion() has everything", async () => {
    const list = chunks();
    const stream = new CompletionStream(source(list).src);
    const seen: CompletionChunk[] = [];
    for await (const c of stream) seen.push(c);
    expect(seen).toHaveLength(list.length);
    expect(seen[1]).toBe(list[1]);
    const final = await stream.finalCompletion();
    expect(final.choices.map((c) => c.text)).toEqual(["Azure OpenAI is Azure's OpenAI", "Other"]);
    expect(final.usage?.total_tokens).toBe(9);
    expect(final.prompt_filter_results).toEqual([{ prompt_index: 0 }]);
  });

  it("textDeltas() gives one choice's text; finalCompletion() afterwards includes the usage chunk", async () => {
    const stream = new CompletionStream(source().src);
    let text = "";
    for await (const t of stream.textDeltas()) text += t;
    expect(text).toBe("Azure OpenAI is Azure's OpenAI");
    expect((await stream.finalCompletion()).usage?.completion_tokens).toBe(6);
    const second = new CompletionStream(source().src);
    const pieces: string[] = [];
    for await (const t of second.textDeltas(1)) pieces.push(t);
    expect(pieces).toEqual(["Other"]);
  });

  it("break aborts the source; finalCompletion() then holds the partial text", async () => {
    const { src, state } = source();
    const stream = new CompletionStream(src);
    for await (const t of stream.textDeltas()) if (t === " OpenAI") break;
    expect(state.aborted).toBe(true);
    const final = await stream.finalCompletion();
    expect(final.choices[0]!.text).toBe("Azure OpenAI");
    expect(final.choices[0]!.finish_reason).toBeNull();
  });

  it("toReadableStream() writes NDJSON that readCompletionStream() reads back", async () => {
    const list = chunks();
    const body = new CompletionStream(source(list).src).toReadableStream();
    const text = await new Response(body).text();
    expect(
      text
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
    ).toEqual(list);
    const again = readCompletionStream(new Response(text).body!);
    let joined = "";
    for await (const t of again.textDeltas()) joined += t;
    expect(joined).toBe("Azure OpenAI is Azure's OpenAI");
    expect((await again.finalCompletion()).usage?.total_tokens).toBe(9);
    expect(again._response).toBeUndefined();
  });
});
