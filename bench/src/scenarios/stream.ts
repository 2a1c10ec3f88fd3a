import type { BenchClient } from "../clients/types.ts";
import type { BenchConfig } from "../config.ts";
import { cpuSinceUs, peakRssMb, windowStart, windowStop } from "../measure.ts";

export interface StreamFigures {
  totalMs: number;
  cpuUsPerChunk: number;
  firstChunkMs: number;
  peakRssMb: number;
  chunks: number;
}

/**
 * One long streamed chat completion (or legacy completion, or response: `kind`) after warm-up
 * streams; every yielded chunk (a response's events, its text deltas and the rest) is counted.
 */
export async function measureStream(
  client: BenchClient,
  cfg: BenchConfig["stream"],
  kind: "chat" | "completions" | "responses" = "chat",
): Promise<StreamFigures> {
  const stream = (chunks: number, onChunk: (chunk: unknown) => void) =>
    kind === "chat"
      ? client.stream(chunks, onChunk)
      : kind === "completions"
        ? client.completionsStream(chunks, onChunk)
        : client.responsesStream(chunks, onChunk);
  for (let i = 0; i < cfg.warmups; i++) {
    let n = 0;
    await stream(cfg.warmupChunks, () => n++);
    if (n < cfg.warmupChunks)
      throw new Error(`warm-up stream yielded ${n} chunks, expected ${cfg.warmupChunks}+`);
  }
  let chunks = 0;
  let firstChunkMs = Number.NaN;
  windowStart();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await stream(cfg.chunks, () => {
    if (chunks++ === 0) firstChunkMs = performance.now() - t0;
  });
  const totalMs = performance.now() - t0;
  const cpuUs = cpuSinceUs(cpu0);
  windowStop();
  if (chunks < cfg.chunks) throw new Error(`stream yielded ${chunks} chunks, expected ${cfg.chunks}+`);
  if (totalMs > cfg.maxMs)
    throw new Error(`stream took ${Math.round(totalMs)} ms, over the ${cfg.maxMs} ms bound`);
  return { totalMs, cpuUsPerChunk: cpuUs / chunks, firstChunkMs, peakRssMb: peakRssMb(), chunks };
}
