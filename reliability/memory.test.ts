import { fork } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { AudioClient, speechToFile } from "@aoai/audio";
import { readBatchResults } from "@aoai/batches";
import { AzureOpenAIClient } from "@aoai/core";
import { FileClient } from "@aoai/files";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Memory stays flat whatever the size: an upload from a path and a download saved to a file at 16
// and 200 MB, and a results file read line by line at 10,000 and 1,000,000 lines. The other end is
// a sink server in a child process (memory-sink.ts), so what this process holds is the SDK's.

const MB = 1024 * 1024;
const SIZES = [16 * MB, 200 * MB] as const;
const MEGABYTES = SIZES.map((bytes) => bytes / MB);
const LINES = [10_000, 1_000_000] as const;

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as (options?: { type: "minor" }) => void;

let sink: ReturnType<typeof fork>;
let client: AzureOpenAIClient;
const dir = mkdtempSync(join(tmpdir(), "aoai-rel-memory-"));

beforeAll(async () => {
  sink = fork(join(import.meta.dirname, "memory-sink.ts"), { stdio: "inherit" });
  const port = await new Promise<number>((resolve, reject) => {
    sink.once("message", (message) => resolve(message as number));
    sink.once("error", reject);
    sink.once("exit", (code) => reject(new Error(`memory-sink.ts exited (${code})`)));
  });
  client = new AzureOpenAIClient({
    endpoint: `http://127.0.0.1:${port}`,
    apiKey: "memory",
    apiVersion: "2025-04-01-preview",
    maxRetries: 0,
  });
});

afterAll(() => {
  if (sink.pid !== undefined && sink.exitCode === null) process.kill(sink.pid);
  rmSync(dir, { recursive: true, force: true });
});

/** Reachable heap and array buffers, in bytes. */
function reachable(): number {
  // A full collection frees array buffers' memory in the background, and until the next
  // collection `arrayBuffers` still counts it: after one alone, up to 14 MB of a 200 MB transfer's
  // dropped socket buffers were counted, more as the size grew and samples fell mid-transfer. A
  // minor collection (under a millisecond) finishes that work.
  gc();
  gc({ type: "minor" });
  const now = process.memoryUsage();
  return now.heapUsed + now.arrayBuffers;
}

/**
 * Runs `work` and returns the most memory it held at once above where it started, in MB: what is
 * reachable, sampled every 100 ms, so garbage waiting to be collected does not count.
 */
async function heldAtMost(work: () => Promise<unknown>): Promise<number> {
  const base = reachable();
  let held = 0;
  const timer = setInterval(() => {
    held = Math.max(held, reachable() - base);
  }, 100);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return held / MB;
}

/** A file of `bytes` bytes at `path`, written in 1 MB chunks as the disk takes them. */
async function fileOf(path: string, bytes: number): Promise<void> {
  const out = createWriteStream(path);
  const megabyte = Buffer.alloc(MB, 0x61);
  for (let left = bytes; left > 0; left -= MB)
    if (!out.write(left >= MB ? megabyte : megabyte.subarray(0, left)))
      await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  await new Promise<void>((resolve, reject) => out.on("error", reject).end(resolve));
}

/**
 * The larger of two runs held at most `perUnit` more per unit moved than the smaller, and under
 * `most` MB at all: held whole, a 200 MB body would be 200 MB.
 */
function expectFlat(held: number[], units: readonly number[], perUnit: number, most: number): void {
  const [small, large] = held as [number, number];
  const what = `held ${small.toFixed(2)} MB at ${units[0]}, ${large.toFixed(2)} MB at ${units[1]}`;
  expect((large - small) / (units[1]! - units[0]!), what).toBeLessThan(perUnit);
  expect(large, what).toBeLessThan(most);
}

describe("memory stays flat", () => {
  it("an upload from a path: 16 and 200 MB hold the same", async () => {
    const files = new FileClient(client);
    const path = join(dir, "big.jsonl");
    const held: number[] = [];
    // The first upload loads the HTTP client: before the baseline, not in it.
    await fileOf(path, MB);
    await files.upload({ file: path, purpose: "fine-tune" });
    for (const bytes of SIZES) {
      await fileOf(path, bytes);
      let uploaded = 0;
      held.push(
        await heldAtMost(async () => {
          uploaded = (await files.upload({ file: path, purpose: "fine-tune" })).bytes ?? 0;
        }),
      );
      expect(uploaded).toBeGreaterThan(bytes);
    }
    rmSync(path);
    expectFlat(held, MEGABYTES, 0.02, 8);
  }, 60_000);

  it("a download saved to a file: 16 and 200 MB hold the same", async () => {
    const tts = new AudioClient(client, "tts");
    const path = join(dir, "speech.wav");
    const held: number[] = [];
    // The sink answers with as many bytes as the input says.
    await speechToFile(tts, { input: String(MB), voice: "alloy" }, path);
    for (const bytes of SIZES) {
      held.push(await heldAtMost(() => speechToFile(tts, { input: String(bytes), voice: "alloy" }, path)));
      expect(statSync(path).size).toBe(bytes);
    }
    rmSync(path);
    expectFlat(held, MEGABYTES, 0.02, 8);
  }, 60_000);

  it("a results file read line by line: 10,000 and 1,000,000 lines hold the same", async () => {
    const files = new FileClient(client);
    const read = async (lines: number) => {
      const batch = {
        output_file_id: `results-${lines}`,
        error_file_id: null,
        request_counts: { total: lines, completed: lines, failed: 0 },
      };
      let count = 0;
      for await (const line of readBatchResults(files, batch)) if (line.custom_id) count++;
      return count;
    };
    await read(10);
    const held: number[] = [];
    for (const lines of LINES) {
      let count = 0;
      held.push(
        await heldAtMost(async () => {
          count = await read(lines);
        }),
      );
      expect(count).toBe(lines);
    }
    // Held, a million parsed lines would be over 100 MB; even a 4-byte reference each is 3.8 MB.
    expectFlat(held, LINES, 2 / 1_000_000, 4);
  }, 60_000);
});
