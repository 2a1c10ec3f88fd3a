/** Counts and time bounds of one run. Every loop stops at its count or its time bound. */
export interface BenchConfig {
  mode: "full" | "smoke";
  reps: number;
  chat: { warmup: number; sequential: number; concurrent: number; inFlight: number; maxMs: number };
  stream: { chunks: number; warmupChunks: number; warmups: number; maxMs: number };
  embed: { inputs: number; warmups: number; requests: number; maxMs: number };
  coldImport: { runs: number };
  sse: { chunks: number; warmupChunks: number };
  /** Kill a measuring child that runs longer than this. */
  childTimeoutMs: number;
}

export const FULL: BenchConfig = {
  mode: "full",
  reps: 3,
  chat: { warmup: 300, sequential: 2000, concurrent: 4000, inFlight: 32, maxMs: 20_000 },
  stream: { chunks: 100_000, warmupChunks: 5_000, warmups: 2, maxMs: 60_000 },
  embed: { inputs: 512, warmups: 5, requests: 9, maxMs: 30_000 },
  coldImport: { runs: 15 },
  sse: { chunks: 100_000, warmupChunks: 20_000 },
  childTimeoutMs: 120_000,
};

export const SMOKE: BenchConfig = {
  mode: "smoke",
  reps: 1,
  chat: { warmup: 5, sequential: 30, concurrent: 64, inFlight: 32, maxMs: 3_000 },
  stream: { chunks: 2_000, warmupChunks: 100, warmups: 1, maxMs: 5_000 },
  embed: { inputs: 16, warmups: 1, requests: 1, maxMs: 5_000 },
  coldImport: { runs: 3 },
  sse: { chunks: 2_000, warmupChunks: 200 },
  childTimeoutMs: 30_000,
};

/** Deployment names: the emulator sizes embeddings by name (`3-large` gives 3072 dimensions). */
export const CHAT_DEPLOYMENT = "gpt-4o-mini";
export const EMBEDDING_DEPLOYMENT = "text-embedding-3-large";
export const API_VERSION = "2024-10-21";
export const API_KEY = "bench-key";
