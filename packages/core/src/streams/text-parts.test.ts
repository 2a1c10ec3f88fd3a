import { describe, expect, it } from "vitest";
import { appendText } from "./text-parts.js";

describe("appendText", () => {
  it("keeps every piece in order and holds at most 129 parts however long the text", () => {
    const parts: string[] = [];
    let expected = "";
    let most = 0;
    for (let i = 0; i < 1000; i++) {
      appendText(parts, `${i},`);
      expected += `${i},`;
      most = Math.max(most, parts.length);
    }
    expect(parts.join("")).toBe(expected);
    expect(most).toBeLessThanOrEqual(129);
    expect(parts.length).toBeLessThan(129);
  });
});
