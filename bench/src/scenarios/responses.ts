import type { BenchClient } from "../clients/types.ts";
import type { BenchConfig } from "../config.ts";
import { cpuSinceUs, peakRssMb, windowStart, windowStop } from "../measure.ts";
import { percentile } from "../stats.ts";

export interface ResponsesFigures {
  p50Ms: number;
  cpuUsPerRequest: number;
  requests: number;
  peakRssMb: number;
}

/** Non-streamed responses (v1 route), one after another: latency and client CPU per request. */
export async function measureResponses(
  client: BenchClient,
  cfg: BenchConfig["responses"],
): Promise<ResponsesFigures> {
  const text = await client.responses();
  if (typeof text !== "string" || text.length === 0) throw new Error("the response has no output text");
  for (let i = 0; i < cfg.warmup; i++) await client.responses();
  const latencies: number[] = [];
  windowStart();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < cfg.requests && performance.now() - t0 < cfg.maxMs; i++) {
    const s = performance.now();
    await client.responses();
    latencies.push(performance.now() - s);
  }
  const cpuUs = cpuSinceUs(cpu0);
  windowStop();
  return {
    p50Ms: percentile(latencies, 50),
    cpuUsPerRequest: cpuUs / latencies.length,
    requests: latencies.length,
    peakRssMb: peakRssMb(),
  };
}
