import type { BenchClient } from "../clients/types.ts";
import type { BenchConfig } from "../config.ts";
import { cpuSinceUs, peakRssMb, windowStart, windowStop } from "../measure.ts";
import { percentile } from "../stats.ts";

export interface LoadFigures {
  inFlight: number;
  rps: number;
  cpuUsPerRequest: number;
  p99Ms: number;
  peakRssMb: number;
  requests: number;
}

/**
 * One level of the concurrency sweep, in its own process (so peak RSS is this level's): `inFlight`
 * workers pull non-streaming chat requests from a shared counter, after a warm-up at the same
 * level that opens the sockets. Throughput, CPU per request, p99 latency and peak RSS.
 */
export async function measureLoad(
  client: BenchClient,
  cfg: BenchConfig["load"],
  inFlight: number,
): Promise<LoadFigures> {
  const run = async (count: number, latencies?: number[]) => {
    let started = 0;
    let done = 0;
    const t0 = performance.now();
    const worker = async () => {
      while (started < count && performance.now() - t0 < cfg.maxMs) {
        started++;
        const s = performance.now();
        await client.chat();
        latencies?.push(performance.now() - s);
        done++;
      }
    };
    await Promise.all(Array.from({ length: inFlight }, worker));
    return { done, seconds: (performance.now() - t0) / 1000 };
  };
  await run(Math.max(cfg.warmup, inFlight * 4));
  const latencies: number[] = [];
  windowStart();
  const cpu0 = process.cpuUsage();
  const { done, seconds } = await run(Math.max(cfg.requests, inFlight * 20), latencies);
  const cpuUs = cpuSinceUs(cpu0);
  windowStop();
  return {
    inFlight,
    rps: done / seconds,
    cpuUsPerRequest: cpuUs / done,
    p99Ms: percentile(latencies, 99),
    peakRssMb: peakRssMb(),
    requests: done,
  };
}
