import type { BundleFigures } from "./scenarios/bundles.ts";
import type { ChatFigures } from "./scenarios/chat.ts";
import type { EmbedFigures } from "./scenarios/embeddings.ts";
import type { SseFigures } from "./scenarios/sse-decoder.ts";
import type { StreamFigures } from "./scenarios/stream.ts";

/** One line of the results table: the same figure for each client, and its ratios to openai. */
export interface Row {
  id: string;
  section: string;
  metric: string;
  unit: string;
  /** Whether smaller figures are better (time, CPU, bytes) or larger (throughput). */
  better: "lower" | "higher";
  aoai: number;
  openai: number;
  /** The bare-fetch floor; null where it has no meaning (imports, bundles). */
  fetch: number | null;
  /** aoai / openai. */
  ratio: number;
  /** fetch / openai. */
  floorRatio: number | null;
  /** Largest allowed aoai / openai, when the issue sets a target. */
  target: number | null;
  status: "PASS" | "MISS" | null;
}

/** One line of the bench/sse-decoder table (CPU per chunk of each decoder). */
export interface SseRow {
  decoder: string;
  cpuUsPerChunk: number;
  /** decoder / @azure/core-sse. */
  ratio: number;
}

export interface Figures {
  chat: Record<"aoai" | "openai" | "fetch", ChatFigures>;
  stream: Record<"aoai" | "openai" | "fetch", StreamFigures>;
  embed: Record<"aoai" | "openai" | "fetch", EmbedFigures>;
  coldImport: { baselineMs: number; importMs: Record<string, number> };
  /** Import, construct and one chat request in a fresh process, ms over a bare `node`. */
  coldStart: Record<"aoai" | "openai" | "fetch", number>;
  bundles: BundleFigures[];
  sse: Record<"core" | "core-sse" | "floor", SseFigures>;
}

/** Cold-import rows: each of our packages against openai. */
export const IMPORTED_PACKAGES = ["@aoai/core", "@aoai/chat", "@aoai/embeddings"] as const;

/** Targets from the issue, as the largest aoai / openai ratio. */
export const TARGETS: Record<string, number> = {
  "stream.cpu": 0.4,
  "chat.cpu": 0.6,
  "embed.time": 0.35,
  "import.@aoai/core": 0.75,
  "import.@aoai/chat": 0.75,
  "import.@aoai/embeddings": 0.75,
  "bundle.chat": 0.15,
};

/** Rows every run must produce (bundle rows of later features come on top). */
export const EXPECTED_ROW_IDS = [
  "chat.p50",
  "chat.p99",
  "chat.cpu",
  "chat.rps32",
  "stream.total",
  "stream.cpu",
  "stream.ttfc",
  "stream.rss",
  "embed.time",
  "embed.cpu",
  "embed.rss",
  ...IMPORTED_PACKAGES.map((p) => `import.${p}`),
  "start.chat",
  "bundle.chat",
  "bundle.embeddings",
];

function row(
  id: string,
  section: string,
  metric: string,
  unit: string,
  values: { aoai: number; openai: number; fetch: number | null },
  better: "lower" | "higher" = "lower",
): Row {
  const ratio = values.aoai / values.openai;
  const target = TARGETS[id] ?? null;
  return {
    id,
    section,
    metric,
    unit,
    better,
    ...values,
    ratio,
    floorRatio: values.fetch === null ? null : values.fetch / values.openai,
    target,
    status: target === null ? null : ratio <= target ? "PASS" : "MISS",
  };
}

function pick<T, K extends keyof T>(r: Record<"aoai" | "openai" | "fetch", T>, key: K) {
  return { aoai: Number(r.aoai[key]), openai: Number(r.openai[key]), fetch: Number(r.fetch[key]) };
}

/** `counts` name the stream length and embedding batch in the section titles. */
export function buildRows(f: Figures, counts: { streamChunks: number; embedInputs: number }): Row[] {
  const chat = "Chat (non-streaming)";
  const stream = `Chat streaming (${counts.streamChunks.toLocaleString("en-US")} chunks)`;
  const embed = `Embeddings ${counts.embedInputs} x ${f.embed.aoai.dims}`;
  const rows: Row[] = [
    row("chat.p50", chat, "p50 latency, sequential", "ms", pick(f.chat, "p50Ms")),
    row("chat.p99", chat, "p99 latency, sequential", "ms", pick(f.chat, "p99Ms")),
    row("chat.cpu", chat, "client CPU per request", "µs", pick(f.chat, "cpuUsPerRequest")),
    row("chat.rps32", chat, "throughput, 32 in flight", "req/s", pick(f.chat, "rps32"), "higher"),
    row("stream.total", stream, "total time", "ms", pick(f.stream, "totalMs")),
    row("stream.cpu", stream, "client CPU per chunk", "µs", pick(f.stream, "cpuUsPerChunk")),
    row("stream.ttfc", stream, "time to first chunk", "ms", pick(f.stream, "firstChunkMs")),
    row("stream.rss", stream, "peak RSS", "MB", pick(f.stream, "peakRssMb")),
    row("embed.time", embed, "time per request (defaults)", "ms", pick(f.embed, "timeMs")),
    row("embed.cpu", embed, "client CPU per request", "ms", pick(f.embed, "cpuMsPerRequest")),
    row("embed.rss", embed, "peak RSS", "MB", pick(f.embed, "peakRssMb")),
  ];
  const openaiImport = f.coldImport.importMs.openai!;
  for (const p of IMPORTED_PACKAGES) {
    rows.push(
      row(`import.${p}`, "Cold import", `import('${p}') vs import('openai')`, "ms", {
        aoai: f.coldImport.importMs[p]!,
        openai: openaiImport,
        fetch: null,
      }),
    );
  }
  rows.push(row("start.chat", "Cold start", "import + first chat request, fresh process", "ms", f.coldStart));
  for (const b of f.bundles) {
    rows.push(
      row(`bundle.${b.feature}`, "Browser bundle (min + gzip -9)", `${b.feature} only`, "KB", {
        aoai: b.aoaiBytes / 1024,
        openai: b.openaiBytes / 1024,
        fetch: null,
      }),
    );
  }
  return rows;
}

export function buildSseRows(f: Figures): SseRow[] {
  const base = f.sse["core-sse"].cpuUsPerChunk;
  const names: Record<"core" | "core-sse" | "floor", string> = {
    core: "@aoai/core SseDecoder",
    "core-sse": "@azure/core-sse createSseStream",
    floor: "hand split on \\n\\n (floor)",
  };
  return (["core", "core-sse", "floor"] as const).map((k) => ({
    decoder: names[k],
    cpuUsPerChunk: f.sse[k].cpuUsPerChunk,
    ratio: f.sse[k].cpuUsPerChunk / base,
  }));
}
