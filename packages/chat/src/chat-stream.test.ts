import { InvalidResponseError } from "@aoai/core";
import { describe, expect, it } from "vitest";
import { memorySource } from "../../../test-utils/chunk-source.js";
import { ChatStream } from "./chat-stream.js";
import { readChatStream } from "./read-chat-stream.js";
import type { ChatCompletionChunk } from "./response-types.js";

// The chat accumulator through the stream, over an in-memory chunk source (core tests the
// read-once logic all streams share; HTTP is covered in test/).
const words = ["Ahoy", " there", ",", " matey"];
function chunks(): ChatCompletionChunk[] {
  const base = { id: "c1", object: "chat.completion.chunk", created: 1, model: "gpt-4o" } as const;
  return [
    { id: "", object: "", created: 0, model: "", choices: [], prompt_filter_results: [{ prompt_index: 0 }] },
    ...words.map((content) => ({
      ...base,
      choices: [{ index: 0, delta: { content }, finish_reason: null }],
    })),
    { ...base, choices: [{ index: 0, delta: {}, finish_reason: "stop" }] },
    { ...base, choices: [], usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 } },
  ];
}
const source = (list = chunks()) => memorySource(list);

describe("ChatStream", () => {
  it("yields the source's chunk objects themselves, then finalCompletion() has everything", async () => {
    const list = chunks();
    const stream = new ChatStream(source(list).src);
    const seen: ChatCompletionChunk[] = [];
    for await (const c of stream) seen.push(c);
    expect(seen).toHaveLength(list.length);
    expect(seen[1]).toBe(list[1]);
    const final = await stream.finalCompletion();
    expect(final.choices[0]!.message.content).toBe("Ahoy there, matey");
    expect(final.usage?.total_tokens).toBe(7);
  });

  it("textDeltas() gives the text; finalCompletion() afterwards includes the usage chunk", async () => {
    const stream = new ChatStream(source().src);
    let text = "";
    for await (const t of stream.textDeltas()) text += t;
    expect(text).toBe("Ahoy there, matey");
    expect((await stream.finalCompletion()).usage?.completion_tokens).toBe(4);
  });

  it("break aborts the source; finalCompletion() then holds the partial reply", async () => {
    const { src, state } = source();
    const stream = new ChatStream(src);
    for await (const t of stream.textDeltas()) if (t === " there") break;
    expect(state.aborted).toBe(true);
    const final = await stream.finalCompletion();
    expect(final.choices[0]!.message.content).toBe("Ahoy there");
    expect(final.choices[0]!.finish_reason).toBeNull();
  });

  it("toReadableStream() writes NDJSON that readChatStream() reads back", async () => {
    const list = chunks();
    const body = new ChatStream(source(list).src).toReadableStream();
    const text = await new Response(body).text();
    expect(
      text
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
    ).toEqual(list);
    const again = readChatStream(new Response(text).body!);
    let joined = "";
    for await (const t of again.textDeltas()) joined += t;
    expect(joined).toBe("Ahoy there, matey");
    expect((await again.finalCompletion()).usage?.total_tokens).toBe(7);
    expect(again._response).toBeUndefined();
  });
});

describe("chunks of an unexpected shape", () => {
  const base = { id: "c1", object: "chat.completion.chunk", created: 1, model: "gpt-4o" } as const;

  it("textDeltas() and finalCompletion() agree on a chunk with no choices key", async () => {
    const list: ChatCompletionChunk[] = [
      { ...base, choices: [{ index: 0, delta: { content: "Hi" }, finish_reason: null }] },
      { ...base } as unknown as ChatCompletionChunk,
      { ...base, choices: [{ index: 0, delta: { content: "!" }, finish_reason: "stop" }] },
    ];
    const stream = new ChatStream(source(list).src);
    let text = "";
    for await (const t of stream.textDeltas()) text += t;
    expect(text).toBe("Hi!");
    expect((await stream.finalCompletion()).choices[0]?.message.content).toBe("Hi!");
  });

  it("choices that are not a list: InvalidResponseError, and the request is aborted", async () => {
    const { src, state } = source([
      { ...base, choices: [{ index: 0, delta: { content: "Hi" }, finish_reason: null }] },
      { ...base, choices: 5 } as unknown as ChatCompletionChunk,
      { ...base, choices: [{ index: 0, delta: { content: "!" }, finish_reason: null }] },
    ]);
    const stream = new ChatStream(src);
    const error = await (async () => {
      for await (const _ of stream.textDeltas());
    })().catch((e: unknown) => e);
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect(state.aborted).toBe(true);
    await expect(stream.finalCompletion()).rejects.toBe(error);
  });
});
