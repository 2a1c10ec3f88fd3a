import { describe, expect, it } from "vitest";
import { id3Text, readId3Text } from "./text-tag.js";

describe("id3Text", () => {
  it("round-trips text, Unicode and long text included, and ignores other data", () => {
    for (const text of ["Hello.", "Ünïcødé 🎉", "x".repeat(4096)])
      expect(readId3Text(id3Text(text))).toBe(text);
    expect(readId3Text(Buffer.from("ID3 this is not a tag"))).toBeUndefined();
    expect(readId3Text(Buffer.from("RIFF....WAVE"))).toBeUndefined();
  });
});
