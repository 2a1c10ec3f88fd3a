import type { BenchClient } from "../clients/types.ts";
import type { BenchConfig } from "../config.ts";
import { cpuSinceUs, peakRssMb, windowStart, windowStop } from "../measure.ts";
import { percentile } from "../stats.ts";

export interface ChatFigures {
  p50Ms: number;
  p99Ms: number;
  cpuUsPerRequest: number;
  rps32: number;
  sequentialRequests: number;
  concurrentRequests: number;
  /** Peak RSS of the process, whose highest load is the `inFlight` phase. */
  peakRssMb: number;
}

/** Non-streaming chat: sequential latency and CPU, then throughput with `inFlight` requests open. */
export async function measureChat(client: BenchClient, cfg: BenchConfig["chat"]): Promise<ChatFigures> {
  const reply = await client.chat();
  if (typeof reply !== "string" || reply.length === 0) throw new Error("chat returned no content");
  for (let i = 0; i < cfg.warmup; i++) await client.chat();

  const latencies: number[] = [];
  windowStart();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < cfg.sequential && performance.now() - t0 < cfg.maxMs; i++) {
    const s = performance.now();
    await client.chat();
    latencies.push(performance.now() - s);
  }
  const cpuUs = cpuSinceUs(cpu0);
  windowStop();

  // Throughput: `inFlight` workers pull from a shared counter until the count or time runs out.
  let started = 0;
  let done = 0;
  const t1 = performance.now();
  const worker = async () => {
    while (started < cfg.concurrent && performance.now() - t1 < cfg.maxMs) {
      started++;
      await client.chat();
      done++;
    }
  };
  await Promise.all(Array.from({ length: cfg.inFlight }, worker));
  const seconds = (performance.now() - t1) / 1000;

  return {
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    cpuUsPerRequest: cpuUs / latencies.length,
    rps32: done / seconds,
    sequentialRequests: latencies.length,
    concurrentRequests: done,
    peakRssMb: peakRssMb(),
  };
}
