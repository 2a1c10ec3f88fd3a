import type { BenchClient } from "../clients/types.ts";
import type { BenchConfig } from "../config.ts";
import { peakRssMb, timedRuns } from "../measure.ts";
import { median } from "../stats.ts";

export interface EmbedFigures {
  timeMs: number;
  cpuMsPerRequest: number;
  peakRssMb: number;
  requests: number;
  dims: number;
}

/** Distinct, realistic-length inputs (the emulator derives each vector from its input). */
export function embeddingInputs(count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) => `Document ${i}: the quick brown fox jumps over the lazy dog near bank ${i % 97}.`,
  );
}

/** `inputs` x 3072 embeddings with the client's default settings, after warm-up requests. */
export async function measureEmbeddings(
  client: BenchClient,
  cfg: BenchConfig["embed"],
): Promise<EmbedFigures> {
  const inputs = embeddingInputs(cfg.inputs);
  let dims = 0;
  for (let i = 0; i < cfg.warmups; i++) {
    const r = await client.embed(inputs);
    if (r.count !== inputs.length) throw new Error(`got ${r.count} vectors for ${inputs.length} inputs`);
    dims = r.dims;
  }
  const { times, cpuUs } = await timedRuns(cfg, async () => {
    dims = (await client.embed(inputs)).dims;
  });
  return {
    timeMs: median(times),
    cpuMsPerRequest: cpuUs / 1000 / times.length,
    peakRssMb: peakRssMb(),
    requests: times.length,
    dims,
  };
}
