import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { saveToFile } from "./save-file.js";

const dir = mkdtempSync(join(tmpdir(), "aoai-save-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function* chunks(count: number, fail = false): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < count; i++) yield new Uint8Array(1000).fill(i);
  if (fail) throw new Error("connection reset");
}

/** A fresh folder per test, so "nothing else is left in it" can be checked. */
function folder(name: string): string {
  const path = join(dir, name);
  mkdirSync(path);
  return path;
}

describe("saveToFile", () => {
  it("writes bytes, or chunks as they come, and returns the size", async () => {
    const here = folder("writes");
    expect(await saveToFile(new Uint8Array([1, 2, 3]), join(here, "a.bin"))).toBe(3);
    expect([...readFileSync(join(here, "a.bin"))]).toEqual([1, 2, 3]);
    expect(await saveToFile(chunks(50), join(here, "b.bin"))).toBe(50_000);
    const b = readFileSync(join(here, "b.bin"));
    expect([b[0], b[999], b[1000], b[49_999]]).toEqual([0, 0, 1, 49]);
    expect(readdirSync(here).sort()).toEqual(["a.bin", "b.bin"]);
  });

  it("takes chunks while a write is under way and writes them together", async () => {
    const here = folder("batched");
    // FileHandle's class is not exported: its prototype is reached through a handle.
    const probe = await open(join(here, "probe"), "w");
    const handle = Object.getPrototypeOf(probe) as { write: () => unknown; writev: () => unknown };
    await probe.close();
    rmSync(join(here, "probe"));
    const write = vi.spyOn(handle, "write");
    const writev = vi.spyOn(handle, "writev");
    let calls: unknown[][];
    try {
      // 50 chunks ready at once, none waiting for the disk: they go out in one or two calls.
      expect(await saveToFile(chunks(50), join(here, "d.bin"))).toBe(50_000);
      calls = [...write.mock.calls, ...writev.mock.calls];
    } finally {
      write.mockRestore();
      writev.mockRestore();
    }
    // One write per chunk, each awaited before the next was taken, made 50 calls.
    const sizes = calls.map(([data]) => (Array.isArray(data) ? data.length : 1));
    expect(sizes.length).toBeLessThanOrEqual(2);
    expect(sizes.reduce((a, b) => a + b)).toBe(50);
    const d = readFileSync(join(here, "d.bin"));
    expect([d.length, d[0], d[999], d[1000], d[49_999]]).toEqual([50_000, 0, 0, 1, 49]);
  });

  it("leaves no file when the source fails midway", async () => {
    const here = folder("fails");
    await expect(saveToFile(chunks(5, true), join(here, "c.bin"))).rejects.toThrow("connection reset");
    expect(readdirSync(here)).toEqual([]);
  });

  it("leaves an existing file exactly as it was when the source fails midway", async () => {
    const here = folder("existing");
    const path = join(here, "precious.wav");
    writeFileSync(path, "precious bytes");
    await expect(saveToFile(chunks(5, true), path)).rejects.toThrow("connection reset");
    expect(readFileSync(path, "utf8")).toBe("precious bytes");
    expect(readdirSync(here)).toEqual(["precious.wav"]);
  });

  it("replaces an existing file whole on success, keeping its permissions", async () => {
    const here = folder("replace");
    const path = join(here, "take.wav");
    writeFileSync(path, "old");
    chmodSync(path, 0o640);
    expect(await saveToFile(chunks(3), path)).toBe(3000);
    expect(readFileSync(path).length).toBe(3000);
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(here)).toEqual(["take.wav"]);
  });

  it("through a symlink: writes the link's target and keeps the link; a failure changes neither", async () => {
    const here = folder("link");
    const target = join(here, "takes-7.wav");
    const link = join(here, "current.wav");
    writeFileSync(target, "take 7");
    symlinkSync("takes-7.wav", link);
    await expect(saveToFile(chunks(2, true), link)).rejects.toThrow("connection reset");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, "utf8")).toBe("take 7");
    expect(await saveToFile(new Uint8Array([7, 7]), link)).toBe(2);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe("takes-7.wav");
    expect([...readFileSync(target)]).toEqual([7, 7]);
    expect(readdirSync(here).sort()).toEqual(["current.wav", "takes-7.wav"]);
  });

  it("through a dangling symlink: creates the link's target", async () => {
    const here = folder("dangling");
    symlinkSync("new.wav", join(here, "next.wav"));
    expect(await saveToFile(new Uint8Array([1]), join(here, "next.wav"))).toBe(1);
    expect(lstatSync(join(here, "next.wav")).isSymbolicLink()).toBe(true);
    expect([...readFileSync(join(here, "new.wav"))]).toEqual([1]);
  });

  it("a relative path is taken from the current directory", async () => {
    const here = folder("relative");
    const cwd = process.cwd();
    process.chdir(here);
    try {
      expect(await saveToFile(new Uint8Array([5]), "out.bin")).toBe(1);
    } finally {
      process.chdir(cwd);
    }
    expect(existsSync(join(here, "out.bin"))).toBe(true);
  });
});
