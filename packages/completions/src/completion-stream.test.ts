import { AOAIError, InvalidResponseError } from "@aoai/core";
import { describe, expect, it } from "vitest";
import { CompletionStream } from "./completion-stream.js";
import { readCompletionStream } from "./read-completion-stream.js";
import type { CompletionChunk } from "./response-types.js";

// Unit tests of the read-once logic over an in-memory chunk source (HTTP is covered in test/).
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

  it("finalCompletion() alone reads the whole stream, and after a partial manual iteration reads the rest", async () => {
    expect((await new CompletionStream(source().src).finalCompletion()).choices[0]!.finish_reason).toBe(
      "stop",
    );
    const stream = new CompletionStream(source().src);
    const it = stream[Symbol.asyncIterator]();
    await it.next();
    await it.next();
    const final = await stream.finalCompletion();
    expect(final.choices[0]!.text).toBe("Azure OpenAI is Azure's OpenAI");
    expect(await stream.finalCompletion()).toBe(final);
  });

  it("is read once: a second loop throws", async () => {
    const stream = new CompletionStream(source().src);
    for await (const _ of stream) break;
    expect(() => stream[Symbol.asyncIterator]()).toThrow(AOAIError);
    const fresh = new CompletionStream(source().src);
    await fresh.finalCompletion();
    await expect(fresh.textDeltas().next()).rejects.toThrow(/read once/);
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

  it("an error from the source is thrown by the loop and by finalCompletion()", async () => {
    const stream = new CompletionStream({
      // biome-ignore lint/correctness/useYield: the source fails before its first chunk
      async *[Symbol.asyncIterator]() {
        throw new Error("boom");
      },
    });
    await expect(stream.finalCompletion()).rejects.toThrow("boom");
    await expect(stream.finalCompletion()).rejects.toThrow("boom");
  });

  it("a chunk of the wrong shape aborts the source and throws InvalidResponseError", async () => {
    const list = chunks();
    list.splice(2, 0, { ...list[1]!, choices: 7 as never });
    const { src, state } = source(list);
    const stream = new CompletionStream(src);
    const error = await (async () => {
      for await (const _ of stream);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(state.aborted).toBe(true);
    await expect(stream.finalCompletion()).rejects.toBe(error);
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

  it("readCompletionStream() takes lines split anywhere and a last line without a newline", async () => {
    const line = JSON.stringify(chunks()[1]);
    const parts = [line.slice(0, 10), `${line.slice(10)}\n${line.slice(0, 5)}`, line.slice(5)];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const p of parts) controller.enqueue(new TextEncoder().encode(p));
        controller.close();
      },
    });
    expect((await readCompletionStream(body).finalCompletion()).choices[0]!.text).toBe("AzureAzure");
  });

  it("readCompletionStream() refuses a line that is not a JSON object", async () => {
    for (const bad of ["{not json\n", "[1]\n"]) {
      const stream = readCompletionStream(new Response(bad).body!);
      await expect(stream.finalCompletion()).rejects.toBeInstanceOf(InvalidResponseError);
    }
  });

  it("cancelling the ReadableStream aborts the source", async () => {
    const { src, state } = source();
    const reader = new CompletionStream(src).toReadableStream().getReader();
    await reader.read();
    await reader.cancel();
    expect(state.aborted).toBe(true);
  });
});
