import { InvalidResponseError } from "@aoai/core";
import { describe, expect, it } from "vitest";
import { jsonLines } from "./jsonl-lines.js";

async function* chunks(...parts: (string | Uint8Array)[]) {
  for (const part of parts) yield typeof part === "string" ? new TextEncoder().encode(part) : part;
}
const all = async <T>(it: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};

describe("jsonLines", () => {
  it("parses lines split anywhere across chunks, skipping blank ones", async () => {
    expect(await all(jsonLines(chunks('{"a":', '1}\n\n{"b"', ":2}\r\n", '{"c":3}')))).toEqual([
      { a: 1 },
      { b: 2 },
      { c: 3 },
    ]);
  });

  it("decodes a character split between chunks", async () => {
    const bytes = new TextEncoder().encode('{"t":"é€😀"}\n');
    const parts = Array.from(bytes, (b) => new Uint8Array([b]));
    expect(await all(jsonLines(chunks(...parts)))).toEqual([{ t: "é€😀" }]);
  });

  it("throws InvalidResponseError naming the line that is not JSON", async () => {
    const error = await all(jsonLines(chunks('{"a":1}\n\n{oops}\n'), "rid")).catch((e: unknown) => e);
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect((error as InvalidResponseError).message).toBe("Line 3 of the file is not JSON. (request id rid)");
    expect((error as InvalidResponseError).snippet).toBe("{oops}");
  });

  it.each(["null", "42", '"text"', "[1]", "true"])(
    "throws InvalidResponseError naming a line that is JSON but not an object (%s)",
    async (line) => {
      const error = await all(jsonLines(chunks(`{"a":1}\n${line}\n`), "rid")).catch((e: unknown) => e);
      expect(InvalidResponseError.isInstance(error)).toBe(true);
      expect((error as InvalidResponseError).message).toBe(
        "Line 2 of the file is not a JSON object. (request id rid)",
      );
    },
  );

  it("gives nothing for an empty body", async () => {
    expect(await all(jsonLines(chunks()))).toEqual([]);
  });
});
