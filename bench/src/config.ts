import type { Target } from "./clients/types.ts";

/** Counts and time bounds of one run. Every loop stops at its count or its time bound. */
export interface BenchConfig {
  mode: "full" | "smoke";
  /** Repetitions: each is a fresh process per client and scenario; rows show their median and min–max. */
  reps: number;
  chat: { warmup: number; sequential: number; concurrent: number; inFlight: number; maxMs: number };
  /** The concurrency sweep: per level, `requests` (at least 20 per worker) after a warm-up. */
  load: { levels: number[]; requests: number; warmup: number; maxMs: number };
  stream: { chunks: number; warmupChunks: number; warmups: number; maxMs: number };
  /** Non-streamed responses: `requests` measured after `warmup`. */
  responses: { warmup: number; requests: number; maxMs: number };
  embed: { inputs: number; warmups: number; requests: number; maxMs: number };
  /** A transcription upload of `megabytes` (a file on disk), after warm-ups with a 64 KiB file. */
  upload: { megabytes: number; warmups: number; requests: number; maxMs: number };
  /** Speech of `megabytes`: time to first byte, and streamed to a file. */
  speech: { megabytes: number; warmups: number; requests: number; maxMs: number };
  images: { n: number; size: "1536x1024"; warmups: number; requests: number; maxMs: number };
  /** A folder of `files` markdown files uploaded and indexed into a vector store, polled every `pollMs`. */
  index: { files: number; pollMs: number; maxMs: number };
  coldImport: { runs: number };
  sse: { chunks: number; warmupChunks: number };
  /** Kill a measuring child that runs longer than this. */
  childTimeoutMs: number;
}

export const FULL: BenchConfig = {
  mode: "full",
  // Medians of 7: on a shared 2-core machine a figure's repetitions are often 20 % or more apart.
  reps: 7,
  // 3,000 warm-up calls, so V8 has finished optimizing the hot path before the 2,000 measured. After
  // 1,000 it was still compiling it (--trace-opt, 500-call blocks): 50 ms of TurboFan work fell
  // in @aoai's window of about 420 ms and 34 ms in the transport floor's, one-off JIT cost counted
  // as per-request CPU. From the 1,500th call on, both compile alike (under 15 ms a block).
  chat: { warmup: 3000, sequential: 2000, concurrent: 4000, inFlight: 32, maxMs: 20_000 },
  // The same warm-up as chat's, for the same reason: each level is a fresh process.
  load: { levels: [1, 8, 64, 256], requests: 3000, warmup: 3000, maxMs: 15_000 },
  stream: { chunks: 100_000, warmupChunks: 20_000, warmups: 3, maxMs: 60_000 },
  // As chat's: warm until V8 has compiled the path, then 2,000 measured.
  responses: { warmup: 3000, requests: 2000, maxMs: 20_000 },
  embed: { inputs: 512, warmups: 5, requests: 9, maxMs: 30_000 },
  upload: { megabytes: 20, warmups: 2, requests: 3, maxMs: 60_000 },
  speech: { megabytes: 10, warmups: 1, requests: 3, maxMs: 60_000 },
  images: { n: 4, size: "1536x1024", warmups: 2, requests: 5, maxMs: 60_000 },
  // The same poll interval for both clients: their defaults differ, and polling, not the client,
  // would set the wall time.
  index: { files: 1000, pollMs: 200, maxMs: 60_000 },
  coldImport: { runs: 15 },
  sse: { chunks: 100_000, warmupChunks: 20_000 },
  childTimeoutMs: 120_000,
};

export const SMOKE: BenchConfig = {
  mode: "smoke",
  reps: 1,
  chat: { warmup: 5, sequential: 30, concurrent: 64, inFlight: 32, maxMs: 3_000 },
  load: { levels: [1, 8], requests: 40, warmup: 8, maxMs: 2_000 },
  stream: { chunks: 2_000, warmupChunks: 100, warmups: 1, maxMs: 5_000 },
  responses: { warmup: 5, requests: 30, maxMs: 3_000 },
  embed: { inputs: 16, warmups: 1, requests: 1, maxMs: 5_000 },
  upload: { megabytes: 1, warmups: 1, requests: 1, maxMs: 5_000 },
  speech: { megabytes: 1, warmups: 1, requests: 1, maxMs: 5_000 },
  images: { n: 1, size: "1536x1024", warmups: 1, requests: 1, maxMs: 5_000 },
  index: { files: 20, pollMs: 50, maxMs: 10_000 },
  coldImport: { runs: 3 },
  sse: { chunks: 2_000, warmupChunks: 200 },
  childTimeoutMs: 30_000,
};

export const API_KEY = "bench-key";

/**
 * What every client calls, on a server started with {@link API_KEY}. Deployment names matter: the
 * emulator sizes embeddings by name (`3-large` gives 3072 dimensions).
 */
export function benchTarget(endpoint: string, frontEndpoint: string): Target {
  return {
    endpoint,
    frontEndpoint,
    apiKey: API_KEY,
    apiVersion: "2024-10-21",
    // Audio and images: speech needs a preview version in @aoai/audio.
    previewApiVersion: "2025-04-01-preview",
    chatDeployment: "gpt-4o-mini",
    embeddingDeployment: "text-embedding-3-large",
    completionsDeployment: "gpt-35-turbo-instruct",
    transcribeDeployment: "whisper",
    speechDeployment: "tts",
    imageDeployment: "gpt-image-1",
    responsesDeployment: "gpt-4.1",
  };
}
