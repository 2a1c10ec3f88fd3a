import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { saveToFile } from "./save-file.js";

const dir = mkdtempSync(join(tmpdir(), "aoai-save-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function* chunks(count: number, fail = false): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < count; i++) yield new Uint8Array(1000).fill(i);
  if (fail) throw new Error("connection reset");
}

describe("saveToFile", () => {
  it("writes bytes, or chunks as they come, and returns the size", async () => {
    expect(await saveToFile(new Uint8Array([1, 2, 3]), join(dir, "a.bin"))).toBe(3);
    expect([...readFileSync(join(dir, "a.bin"))]).toEqual([1, 2, 3]);
    expect(await saveToFile(chunks(50), join(dir, "b.bin"))).toBe(50_000);
    const b = readFileSync(join(dir, "b.bin"));
    expect([b[0], b[999], b[1000], b[49_999]]).toEqual([0, 0, 1, 49]);
  });

  it("removes the partial file when the source fails midway", async () => {
    await expect(saveToFile(chunks(5, true), join(dir, "c.bin"))).rejects.toThrow("connection reset");
    expect(existsSync(join(dir, "c.bin"))).toBe(false);
  });
});
