import { AOAIError, InvalidResponseError } from "@aoai/core";
import { describe, expect, it } from "vitest";
import { ChatStream } from "./chat-stream.js";
import { readChatStream } from "./read-chat-stream.js";
import type { ChatCompletionChunk } from "./response-types.js";

// Unit tests of the read-once logic over an in-memory chunk source (HTTP is covered in test/).
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
function source(list = chunks()) {
  const state = { aborted: false, read: 0 };
  return {
    state,
    src: {
      async *[Symbol.asyncIterator]() {
        for (const c of list) {
          if (state.aborted) return;
          state.read++;
          yield c;
        }
      },
      abort() {
        state.aborted = true;
      },
    },
  };
}

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

  it("finalCompletion() alone reads the whole stream, and after a partial manual iteration reads the rest", async () => {
    expect((await new ChatStream(source().src).finalCompletion()).choices[0]!.finish_reason).toBe("stop");
    const stream = new ChatStream(source().src);
    const it = stream[Symbol.asyncIterator]();
    await it.next();
    await it.next();
    const final = await stream.finalCompletion();
    expect(final.choices[0]!.message.content).toBe("Ahoy there, matey");
    expect(await stream.finalCompletion()).toBe(final);
  });

  it("is read once: a second loop throws", async () => {
    const stream = new ChatStream(source().src);
    for await (const _ of stream) break;
    expect(() => stream[Symbol.asyncIterator]()).toThrow(AOAIError);
    const fresh = new ChatStream(source().src);
    await fresh.finalCompletion();
    await expect(fresh.textDeltas().next()).rejects.toThrow(/read once/);
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

  it("an error from the source is thrown by the loop and by finalCompletion()", async () => {
    const stream = new ChatStream({
      // biome-ignore lint/correctness/useYield: the source fails before its first chunk
      async *[Symbol.asyncIterator]() {
        throw new Error("boom");
      },
    });
    await expect(stream.finalCompletion()).rejects.toThrow("boom");
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

  it("cancelling the ReadableStream aborts the source", async () => {
    const { src, state } = source();
    const reader = new ChatStream(src).toReadableStream().getReader();
    await reader.read();
    await reader.cancel();
    expect(state.aborted).toBe(true);
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
