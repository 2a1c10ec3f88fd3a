import { describe, expect, it } from "vitest";
import { memorySource } from "../../../../test-utils/chunk-source.js";
import { AOAIError } from "../errors/aoai-error.js";
import { InvalidResponseError } from "../errors/invalid-response-error.js";
import { type Accumulator, ChunkStream } from "./chunk-stream.js";
import { ndjsonSource } from "./ndjson.js";

// What every feature's stream (ChatStream, CompletionStream, ResponseStream, TranscriptionStream)
// inherits, tested once here over a tiny accumulator; the packages test their accumulators.
interface Piece {
  text?: string;
  done?: boolean;
}
class Joined implements Accumulator<Piece, { text: string; done: boolean }> {
  #parts: string[] = [];
  #done = false;
  add(piece: Piece) {
    if (typeof piece !== "object" || (piece.text !== undefined && typeof piece.text !== "string"))
      throw new TypeError("not a piece");
    if (piece.text) this.#parts.push(piece.text);
    if (piece.done) this.#done = true;
  }
  result() {
    return { text: this.#parts.join(""), done: this.#done };
  }
  text(piece: Piece) {
    return piece.text;
  }
}
const pieces = (): Piece[] => [{ text: "Ahoy" }, { text: " there" }, {}, { text: " matey" }, { done: true }];
const stream = (list: Piece[] = pieces()) => {
  const { src, state } = memorySource(list);
  return { stream: new ChunkStream(src, new Joined()), state };
};
const final = (s: ChunkStream<Piece, { text: string; done: boolean }>) =>
  (s as unknown as { final(): Promise<{ text: string; done: boolean }> }).final();

describe("ChunkStream", () => {
  it("the final result alone reads the whole stream; after a partial manual iteration, the rest", async () => {
    expect(await final(stream().stream)).toEqual({ text: "Ahoy there matey", done: true });
    const { stream: s } = stream();
    const it = s[Symbol.asyncIterator]();
    await it.next();
    await it.next();
    const result = await final(s);
    expect(result.text).toBe("Ahoy there matey");
    expect(await final(s)).toBe(result);
  });

  it("is read once: a second loop throws, and so do textDeltas() after the final result", async () => {
    const { stream: s } = stream();
    for await (const _ of s) break;
    expect(() => s[Symbol.asyncIterator]()).toThrow(AOAIError);
    const { stream: fresh } = stream();
    await final(fresh);
    await expect(fresh.textDeltas().next()).rejects.toThrow(/read once/);
  });

  it("textDeltas() skips empty pieces; leaving it early aborts the source and keeps what arrived", async () => {
    const { stream: s, state } = stream();
    const seen: string[] = [];
    for await (const t of s.textDeltas()) {
      seen.push(t);
      if (t === " there") break;
    }
    expect(seen).toEqual(["Ahoy", " there"]);
    expect(state.aborted).toBe(true);
    expect(await final(s)).toEqual({ text: "Ahoy there", done: false });
  });

  it("an error from the source is thrown by the loop and, every time, by the final result", async () => {
    const s = new ChunkStream<Piece, { text: string; done: boolean }>(
      {
        // biome-ignore lint/correctness/useYield: the source fails before its first chunk
        async *[Symbol.asyncIterator]() {
          throw new Error("boom");
        },
      },
      new Joined(),
    );
    await expect(final(s)).rejects.toThrow("boom");
    await expect(final(s)).rejects.toThrow("boom");
  });

  it("a chunk the accumulator cannot take aborts the source and is InvalidResponseError", async () => {
    const list = pieces();
    list.splice(2, 0, { text: 7 as never });
    const { stream: s, state } = stream(list);
    const error = await (async () => {
      for await (const _ of s);
    })().catch((e: unknown) => e);
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect(state.aborted).toBe(true);
    await expect(final(s)).rejects.toBe(error);
  });

  it("toReadableStream() writes NDJSON that ndjsonSource() reads back; cancelling it aborts", async () => {
    const text = await new Response(stream().stream.toReadableStream()).text();
    expect(text).toBe(
      `${pieces()
        .map((p) => JSON.stringify(p))
        .join("\n")}\n`,
    );
    const again = new ChunkStream(ndjsonSource<Piece>(new Response(text).body!), new Joined());
    expect(await final(again)).toEqual({ text: "Ahoy there matey", done: true });
    expect(again._response).toBeUndefined();

    const { stream: s, state } = stream();
    const reader = s.toReadableStream().getReader();
    await reader.read();
    await reader.cancel();
    expect(state.aborted).toBe(true);
  });
});

describe("ndjsonSource", () => {
  it("takes lines split anywhere and a last line without a newline", async () => {
    const line = JSON.stringify({ text: "Azure" });
    const parts = [line.slice(0, 10), `${line.slice(10)}\n${line.slice(0, 5)}`, line.slice(5)];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const p of parts) controller.enqueue(new TextEncoder().encode(p));
        controller.close();
      },
    });
    expect((await final(new ChunkStream(ndjsonSource<Piece>(body), new Joined()))).text).toBe("AzureAzure");
  });

  it("refuses a line that is not a JSON object", async () => {
    for (const bad of ["{not json\n", "[1]\n"]) {
      const s = new ChunkStream(ndjsonSource<Piece>(new Response(bad).body!), new Joined());
      await expect(final(s)).rejects.toBeInstanceOf(InvalidResponseError);
    }
  });
});
