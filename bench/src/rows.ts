import type { ClientName } from "./clients/types.ts";
import type { SpeechFigures, UploadFigures } from "./scenarios/audio.ts";
import type { BundleFigures } from "./scenarios/bundles.ts";
import type { ChatFigures } from "./scenarios/chat.ts";
import type { EmbedFigures } from "./scenarios/embeddings.ts";
import type { ImagesFigures } from "./scenarios/images.ts";
import type { IndexFigures } from "./scenarios/index-files.ts";
import type { LoadFigures } from "./scenarios/load.ts";
import type { ResponsesFigures } from "./scenarios/responses.ts";
import type { DecoderName, SseFigures } from "./scenarios/sse-decoder.ts";
import type { StreamFigures } from "./scenarios/stream.ts";
import { median, range } from "./stats.ts";

/** [min, max] over the repetitions. */
export type Spread = [number, number];

/**
 * One line of the results table: the same figure for each client (the median over the
 * repetitions, with their min–max), and the ratios that targets are judged on.
 */
export interface Row {
  id: string;
  section: string;
  metric: string;
  unit: string;
  /** Whether smaller figures are better (time, CPU, bytes) or larger (throughput). */
  better: "lower" | "higher";
  /** Repetitions behind each figure (1 for bundle sizes, which do not vary). */
  n: number;
  aoai: number;
  openai: number;
  /** The transport floor (core-rest-pipeline's node:http client, no SDK code); null where it has no meaning. */
  http: number | null;
  /** The bare-fetch floor; null where it has no meaning (imports, bundles). */
  fetch: number | null;
  spread: { aoai: Spread; openai: Spread; http: Spread | null; fetch: Spread | null };
  /** aoai / openai, of the medians; null when openai's median is 0 (no ratio to nothing). */
  ratio: number | null;
  /** min–max of aoai / openai paired by repetition (pairs with a 0 divisor left out). */
  ratioSpread: Spread | null;
  /** aoai / transport floor, of the medians. */
  transportRatio: number | null;
  transportRatioSpread: Spread | null;
  /** fetch / openai. */
  floorRatio: number | null;
  /** Largest allowed aoai / openai, when an issue sets one. */
  target: number | null;
  /** Largest allowed aoai / transport floor. */
  transportTarget: number | null;
  /** Largest allowed aoai figure itself, in `unit`. */
  limit: number | null;
  status: "PASS" | "MISS" | null;
}

/** One line of the bench/sse-decoder table (CPU per chunk of each decoder). */
export interface SseRow {
  decoder: string;
  cpuUsPerChunk: number;
  spread: Spread;
  /** decoder / @azure/core-sse. */
  ratio: number;
}

type PerClient<T> = Partial<Record<ClientName, T[]>>;

/** Every repetition's figures, per scenario and client. */
export interface Runs {
  chat: PerClient<ChatFigures>;
  /** Per level of the concurrency sweep. */
  load: Record<string, PerClient<LoadFigures>>;
  stream: PerClient<StreamFigures>;
  completions: PerClient<StreamFigures>;
  responses: PerClient<ResponsesFigures>;
  "responses-stream": PerClient<StreamFigures>;
  index: PerClient<IndexFigures>;
  embed: PerClient<EmbedFigures>;
  upload: PerClient<UploadFigures>;
  speech: PerClient<SpeechFigures>;
  images: PerClient<ImagesFigures>;
  sse: Partial<Record<DecoderName, SseFigures[]>>;
  /** ms over a bare `node -e 0`, per run. */
  coldImport: Record<string, number[]>;
  /** Import, construct and one chat request in a fresh process, ms over a bare `node`, per run. */
  coldStart: Partial<Record<ClientName, number[]>>;
  bundles: BundleFigures[];
}

/** Cold-import rows: each of our packages against openai. */
export const IMPORTED_PACKAGES = ["@aoai/core", "@aoai/chat", "@aoai/embeddings"] as const;

/** Targets, as the largest aoai / openai ratio at the median. */
const TARGETS: Record<string, number> = {
  "chat.cpu": 0.6,
  "stream.cpu": 0.35,
  "completions.cpu": 0.35,
  "responses.cpu": 0.4,
  "responses-stream.cpu": 0.35,
  "embed.time": 0.3,
  "speech.file": 0.9,
  "images.time": 0.9,
  "import.@aoai/core": 0.75,
  "import.@aoai/chat": 0.75,
  "import.@aoai/embeddings": 0.75,
  "bundle.chat": 0.15,
};

/** Targets against the SDK's own transport: the largest aoai / transport floor at the median. */
const TRANSPORT_TARGETS: Record<string, number> = {
  "chat.cpu": 1.1,
  "chat.rss32": 1.2,
  "stream.cpu": 1.15,
  "completions.cpu": 1.15,
  "responses-stream.cpu": 1.15,
  "speech.file": 1.1,
};

/** Rows every run must produce (bundle rows of later features come on top). */
export const EXPECTED_ROW_IDS = [
  "chat.p50",
  "chat.p99",
  "chat.cpu",
  "chat.rps32",
  "chat.rss32",
  "stream.total",
  "stream.cpu",
  "stream.ttfc",
  "stream.rss",
  "completions.total",
  "completions.cpu",
  "completions.rss",
  "responses.p50",
  "responses.cpu",
  "responses-stream.total",
  "responses-stream.cpu",
  "responses-stream.rss",
  "index.time",
  "index.cpu",
  "index.rss",
  "embed.time",
  "embed.cpu",
  "embed.rss",
  "upload.time",
  "upload.cpu",
  "upload.rss",
  "upload.extra",
  "speech.ttfb",
  "speech.file",
  "speech.cpu",
  "speech.rss",
  "images.time",
  "images.cpu",
  "images.rss",
  ...IMPORTED_PACKAGES.map((p) => `import.${p}`),
  "start.chat",
  "bundle.chat",
  "bundle.embeddings",
];

type Samples = {
  aoai: number[];
  openai: number[];
  http?: number[] | undefined;
  fetch?: number[] | undefined;
};

// A figure can be 0 where a small run adds nothing measurable (smoke mode's 1 MB upload can leave
// RSS where it was): a ratio to it is no figure at all, so it is null, not Infinity or NaN.
export function ratioOf(a: number, b: number): number | null {
  return b > 0 ? a / b : null;
}

function pairedRatios(a: number[], b: number[]): Spread | null {
  const ratios: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const r = ratioOf(a[i]!, b[i]!);
    if (r !== null) ratios.push(r);
  }
  return ratios.length ? range(ratios) : null;
}

function row(
  id: string,
  section: string,
  metric: string,
  unit: string,
  s: Samples,
  better: "lower" | "higher" = "lower",
  limit: number | null = null,
): Row {
  const aoai = median(s.aoai);
  const openai = median(s.openai);
  const http = s.http?.length ? median(s.http) : null;
  const fetch = s.fetch?.length ? median(s.fetch) : null;
  const ratio = ratioOf(aoai, openai);
  const transportRatio = http === null ? null : ratioOf(aoai, http);
  const target = TARGETS[id] ?? null;
  const transportTarget = TRANSPORT_TARGETS[id] ?? null;
  const checks: boolean[] = [];
  if (target !== null && ratio !== null) checks.push(ratio <= target);
  if (transportTarget !== null && transportRatio !== null) checks.push(transportRatio <= transportTarget);
  if (limit !== null) checks.push(aoai <= limit);
  return {
    id,
    section,
    metric,
    unit,
    better,
    n: Math.min(s.aoai.length, s.openai.length),
    aoai,
    openai,
    http,
    fetch,
    spread: {
      aoai: range(s.aoai),
      openai: range(s.openai),
      http: s.http?.length ? range(s.http) : null,
      fetch: s.fetch?.length ? range(s.fetch) : null,
    },
    ratio,
    ratioSpread: pairedRatios(s.aoai, s.openai),
    transportRatio,
    transportRatioSpread: s.http?.length ? pairedRatios(s.aoai, s.http) : null,
    floorRatio: fetch === null ? null : ratioOf(fetch, openai),
    target,
    transportTarget,
    limit,
    status: checks.length === 0 ? null : checks.every(Boolean) ? "PASS" : "MISS",
  };
}

/** One figure of every repetition, per client. */
function pick<T, K extends keyof T>(r: PerClient<T>, key: K): Samples {
  const of = (c: ClientName) => r[c]?.map((f) => Number(f[key]));
  return { aoai: of("aoai") ?? [], openai: of("openai") ?? [], http: of("http"), fetch: of("fetch") };
}

const n = (v: number) => v.toLocaleString("en-US");

/** `counts` name stream lengths, batch and file sizes in the section titles. */
export function buildRows(
  runs: Runs,
  counts: {
    streamChunks: number;
    embedInputs: number;
    uploadMb: number;
    speechMb: number;
    images: string;
    indexFiles: number;
  },
): Row[] {
  const chat = "Chat (non-streaming)";
  const stream = `Chat streaming (${n(counts.streamChunks)} chunks)`;
  const completions = `Completions streaming (${n(counts.streamChunks)} chunks)`;
  const index = `Vector store: upload and index ${n(counts.indexFiles)} files`;
  const responsesCreate = "Responses (non-streamed create, v1 route)";
  const responsesStream = `Responses streaming (${n(counts.streamChunks)} text deltas)`;
  const dims = runs.embed.aoai?.[0]?.dims ?? 0;
  const embed = `Embeddings ${counts.embedInputs} x ${dims}`;
  const upload = `Transcription upload (${counts.uploadMb} MB file)`;
  const speech = `Speech download (${counts.speechMb} MB)`;
  const images = `Images (${counts.images}, b64_json to bytes)`;
  const rows: Row[] = [
    row("chat.p50", chat, "p50 latency, sequential", "ms", pick(runs.chat, "p50Ms")),
    row("chat.p99", chat, "p99 latency, sequential", "ms", pick(runs.chat, "p99Ms")),
    row("chat.cpu", chat, "client CPU per request", "µs", pick(runs.chat, "cpuUsPerRequest")),
    row("chat.rps32", chat, "throughput, 32 in flight", "req/s", pick(runs.chat, "rps32"), "higher"),
    row("chat.rss32", chat, "peak RSS, 32 in flight", "MB", pick(runs.chat, "peakRssMb")),
  ];
  for (const level of Object.keys(runs.load).sort((a, b) => Number(a) - Number(b))) {
    const section = `Load sweep, chat (${level} in flight)`;
    const r = runs.load[level]!;
    rows.push(
      row(`load.rps.${level}`, section, `throughput, ${level} in flight`, "req/s", pick(r, "rps"), "higher"),
      row(
        `load.cpu.${level}`,
        section,
        `client CPU per request, ${level} in flight`,
        "µs",
        pick(r, "cpuUsPerRequest"),
      ),
      row(`load.p99.${level}`, section, `p99 latency, ${level} in flight`, "ms", pick(r, "p99Ms")),
      row(`load.rss.${level}`, section, `peak RSS, ${level} in flight`, "MB", pick(r, "peakRssMb")),
    );
  }
  rows.push(
    row("stream.total", stream, "total time", "ms", pick(runs.stream, "totalMs")),
    row("stream.cpu", stream, "client CPU per chunk", "µs", pick(runs.stream, "cpuUsPerChunk")),
    row("stream.ttfc", stream, "time to first chunk", "ms", pick(runs.stream, "firstChunkMs")),
    row("stream.rss", stream, "peak RSS", "MB", pick(runs.stream, "peakRssMb")),
    row(
      "completions.total",
      completions,
      "total time (completions)",
      "ms",
      pick(runs.completions, "totalMs"),
    ),
    row(
      "completions.cpu",
      completions,
      "client CPU per chunk (completions)",
      "µs",
      pick(runs.completions, "cpuUsPerChunk"),
    ),
    row("completions.rss", completions, "peak RSS (completions)", "MB", pick(runs.completions, "peakRssMb")),
    row("responses.p50", responsesCreate, "p50 latency, sequential", "ms", pick(runs.responses, "p50Ms")),
    row(
      "responses.cpu",
      responsesCreate,
      "client CPU per request",
      "µs",
      pick(runs.responses, "cpuUsPerRequest"),
    ),
    row(
      "responses-stream.total",
      responsesStream,
      "total time",
      "ms",
      pick(runs["responses-stream"], "totalMs"),
    ),
    row(
      "responses-stream.cpu",
      responsesStream,
      "client CPU per event",
      "µs",
      pick(runs["responses-stream"], "cpuUsPerChunk"),
    ),
    row(
      "responses-stream.rss",
      responsesStream,
      "peak RSS",
      "MB",
      pick(runs["responses-stream"], "peakRssMb"),
    ),
    row("index.time", index, "wall time", "ms", pick(runs.index, "timeMs")),
    row("index.cpu", index, "client CPU", "ms", pick(runs.index, "cpuMs")),
    row("index.rss", index, "peak RSS", "MB", pick(runs.index, "peakRssMb")),
    row("embed.time", embed, "time per request (defaults)", "ms", pick(runs.embed, "timeMs")),
    row("embed.cpu", embed, "client CPU per request", "ms", pick(runs.embed, "cpuMsPerRequest")),
    row("embed.rss", embed, "peak RSS (embeddings)", "MB", pick(runs.embed, "peakRssMb")),
    row("upload.time", upload, "time per upload", "ms", pick(runs.upload, "timeMs")),
    row("upload.cpu", upload, "client CPU per upload", "ms", pick(runs.upload, "cpuMsPerUpload")),
    row("upload.rss", upload, "peak RSS (upload)", "MB", pick(runs.upload, "peakRssMb")),
    row(
      "upload.extra",
      upload,
      "RSS above the pre-upload baseline",
      "MB",
      pick(runs.upload, "extraRssMb"),
      "lower",
      1.2 * counts.uploadMb,
    ),
    row("speech.ttfb", speech, "time to first byte", "ms", pick(runs.speech, "firstByteMs")),
    row("speech.file", speech, "time, streamed to a file", "ms", pick(runs.speech, "fileMs")),
    row(
      "speech.cpu",
      speech,
      "client CPU per download to a file",
      "ms",
      pick(runs.speech, "cpuMsPerDownload"),
    ),
    row("speech.rss", speech, "peak RSS (speech)", "MB", pick(runs.speech, "peakRssMb")),
    row("images.time", images, "time per request, decoded", "ms", pick(runs.images, "timeMs")),
    row("images.cpu", images, "client CPU per request, decoded", "ms", pick(runs.images, "cpuMsPerRequest")),
    row("images.rss", images, "peak RSS (images)", "MB", pick(runs.images, "peakRssMb")),
  );
  const openaiImport = runs.coldImport.openai ?? [];
  for (const p of IMPORTED_PACKAGES) {
    rows.push(
      row(`import.${p}`, "Cold import", `import('${p}') vs import('openai')`, "ms", {
        aoai: runs.coldImport[p] ?? [],
        openai: openaiImport,
      }),
    );
  }
  rows.push(
    row("start.chat", "Cold start", "import + first chat request, fresh process", "ms", {
      aoai: runs.coldStart.aoai ?? [],
      openai: runs.coldStart.openai ?? [],
      http: runs.coldStart.http,
      fetch: runs.coldStart.fetch,
    }),
  );
  for (const b of runs.bundles) {
    rows.push(
      row(`bundle.${b.feature}`, "Browser bundle (min + gzip -9)", `${b.feature} only`, "KB", {
        aoai: [b.aoaiBytes / 1024],
        openai: [b.openaiBytes / 1024],
      }),
    );
  }
  return rows;
}

export function buildSseRows(runs: Runs): SseRow[] {
  const cpu = (k: DecoderName) => (runs.sse[k] ?? []).map((f) => f.cpuUsPerChunk);
  const base = median(cpu("core-sse"));
  const names: Record<DecoderName, string> = {
    core: "@aoai/core SseDecoder",
    "core-sse": "@azure/core-sse createSseStream",
    floor: "hand split on \\n\\n (floor)",
  };
  return (["core", "core-sse", "floor"] as const).map((k) => ({
    decoder: names[k],
    cpuUsPerChunk: median(cpu(k)),
    spread: range(cpu(k)),
    ratio: median(cpu(k)) / base,
  }));
}
