import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BenchClient } from "../clients/types.ts";
import type { BenchConfig } from "../config.ts";
import { cpuSinceUs, peakRssMb, windowStart, windowStop } from "../measure.ts";

export interface IndexFigures {
  timeMs: number;
  cpuMs: number;
  peakRssMb: number;
  files: number;
}

/** `count` small markdown files in `dir` (made once per run, read by every client). */
export function writeMarkdownFiles(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++)
    writeFileSync(
      join(dir, `note-${String(i).padStart(5, "0")}.md`),
      `# Note ${i}\n\nThe lighthouse keeper logged ship ${i} at dawn; the lamp burned ${i % 97} hours.\n`,
    );
}

/** One folder of `files` files uploaded and indexed into a new vector store, waited for. */
export async function measureIndex(
  client: BenchClient,
  cfg: BenchConfig["index"],
  dir: string,
): Promise<IndexFigures> {
  if (!client.indexFiles) throw new Error("this client has no uploads-and-poll helper");
  windowStart();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const files = await client.indexFiles(dir, cfg.pollMs);
  const timeMs = performance.now() - t0;
  const cpuUs = cpuSinceUs(cpu0);
  windowStop();
  if (files !== cfg.files) throw new Error(`indexed ${files} files of ${cfg.files}`);
  if (timeMs > cfg.maxMs) throw new Error(`indexing took ${Math.round(timeMs)} ms, over ${cfg.maxMs} ms`);
  return { timeMs, cpuMs: cpuUs / 1000, peakRssMb: peakRssMb(), files };
}
