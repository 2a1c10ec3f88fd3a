import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { AudioClient, speechToFile } from "@aoai/audio";
import { readBatchResults } from "@aoai/batches";
import { AzureOpenAIClient } from "@aoai/core";
import { FileClient } from "@aoai/files";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Memory stays flat whatever the size: an upload from a path, a download saved to a file, and a
// 1,000,000-line results file read line by line. The other end is a sink server in this process
// that holds nothing (it counts uploaded bytes and writes generated ones), so what is held is the
// SDK's. Transfers run at 16 and 96 MB rather than 200 (this suite's time budget): what is held
// must not grow with the size (under 0.3 MB more per MB moved; held whole, a body is 1) and stay far below it.

const MB = 1024 * 1024;
const SIZES = [16 * MB, 96 * MB] as const;
const LINES = 1_000_000;
let size = 0;

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

let server: Server;
let client: AzureOpenAIClient;
const dir = mkdtempSync(join(tmpdir(), "aoai-rel-memory-"));
let uploaded = 0;

/** `count` bytes in 1 MB chunks written as the socket drains. */
function writeBytes(res: import("node:http").ServerResponse, count: number, chunk: Buffer): void {
  let left = count;
  const pump = () => {
    while (left > 0) {
      const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
      left -= part.length;
      if (!res.write(part)) return void res.once("drain", pump);
    }
    res.end();
  };
  pump();
}

beforeAll(async () => {
  const megabyte = Buffer.alloc(MB, 7);
  const line = (i: number) => `{"id":"r${i}","custom_id":"t${i}","error":null}\n`;
  server = createServer((req, res) => {
    const url = req.url ?? "";
    if (req.method === "POST" && url.startsWith("/openai/files")) {
      uploaded = 0;
      req.on("data", (chunk: Buffer) => {
        uploaded += chunk.length;
      });
      req.on("end", () => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            id: "file-big",
            object: "file",
            bytes: uploaded,
            status: "pending",
            purpose: "fine-tune",
            filename: "big.jsonl",
            created_at: 0,
          }),
        );
      });
      return;
    }
    if (url.includes("/audio/speech")) {
      req.resume();
      res.writeHead(200, { "content-type": "audio/wav" });
      return writeBytes(res, size, megabyte);
    }
    if (url.startsWith("/openai/files/results/content")) {
      res.writeHead(200, { "content-type": "application/octet-stream" });
      let i = 0;
      const pump = () => {
        while (i < LINES) {
          let text = "";
          for (const end = Math.min(LINES, i + 2000); i < end; i++) text += line(i);
          if (!res.write(text)) return void res.once("drain", pump);
        }
        res.end();
      };
      return pump();
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = new AzureOpenAIClient({
    endpoint,
    apiKey: "memory",
    apiVersion: "2025-04-01-preview",
    maxRetries: 0,
  });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs `work` and returns the most memory it held at once above where it started, in MB: heap and
 * array buffers measured right after a full collection, every 100 ms, so garbage waiting to be
 * collected does not count, only what is still reachable.
 */
async function heldAtMost(work: () => Promise<unknown>): Promise<number> {
  gc();
  const base = process.memoryUsage();
  let held = 0;
  const sample = () => {
    gc();
    const now = process.memoryUsage();
    held = Math.max(held, now.heapUsed + now.arrayBuffers - base.heapUsed - base.arrayBuffers);
  };
  const timer = setInterval(sample, 250);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return held / MB;
}

/**
 * What the larger transfer held is at most 0.3 MB per MB more than the smaller, and under 48 MB:
 * a body held whole would be 1 MB per MB (96 MB). The margin is for buffers in flight between the
 * samples, which vary with the machine's load.
 */
function expectFlat([small, large]: number[]): void {
  const perMb = (large! - small!) / ((SIZES[1] - SIZES[0]) / MB);
  expect(perMb, `held ${small!.toFixed(1)} MB for 16 MB, ${large!.toFixed(1)} MB for 96 MB`).toBeLessThan(
    0.1,
  );
  expect(large).toBeLessThan(32);
}

describe("memory stays flat", () => {
  it("an upload from a path: 16 and 96 MB hold the same", async () => {
    const held: number[] = [];
    for (const bytes of SIZES) {
      const path = join(dir, "big.jsonl");
      await new Promise<void>((resolve, reject) => {
        const out = createWriteStream(path);
        out.on("error", reject);
        out.on("finish", resolve);
        writeBytes(out as never, bytes, Buffer.alloc(MB, 0x61));
      });
      held.push(await heldAtMost(() => new FileClient(client).upload({ file: path, purpose: "fine-tune" })));
      expect(uploaded).toBeGreaterThan(bytes);
      rmSync(path);
    }
    expectFlat(held);
  }, 60_000);

  it("a download saved to a file: 16 and 96 MB hold the same", async () => {
    const held: number[] = [];
    const tts = new AudioClient(client, "tts");
    for (const bytes of SIZES) {
      size = bytes;
      const path = join(dir, "speech.wav");
      held.push(await heldAtMost(() => speechToFile(tts, { input: "long", voice: "alloy" }, path)));
      expect(statSync(path).size).toBe(bytes);
      rmSync(path);
    }
    expectFlat(held);
  }, 60_000);

  it("a 1,000,000-line results file read line by line holds nothing per line", async () => {
    let count = 0;
    const held = await heldAtMost(async () => {
      const batch = {
        output_file_id: "results",
        error_file_id: null,
        request_counts: { total: LINES, completed: LINES, failed: 0 },
      };
      for await (const line of readBatchResults(new FileClient(client), batch)) if (line.custom_id) count++;
    });
    expect(count).toBe(LINES);
    // Held, a million parsed lines would be over 100 MB; even one 8-byte reference each is 8 MB.
    expect(held).toBeLessThan(4);
  }, 60_000);
});
