import type { MachineLoad } from "./machine-load.ts";
import type { Row, Spread, SseRow } from "./rows.ts";
import { median } from "./stats.ts";

/** How far apart the repetitions of the figures were. */
export interface Noise {
  /** Figures (row x client) with 3 or more repetitions. */
  figures: number;
  /** Median over those figures of (max - min) / median, in %. */
  medianSpreadPct: number;
  /** The same, at the 90th percentile figure. */
  p90SpreadPct: number;
  /** The five figures whose repetitions were furthest apart. */
  noisiest: { row: string; client: string; spreadPct: number }[];
}

/** Where and with what the figures were taken. */
interface Meta {
  date: string;
  mode: "full" | "smoke";
  reps: number;
  node: string;
  platform: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  versions: Record<string, string>;
  counts: Record<string, unknown>;
  durationS: number;
  machine: MachineLoad;
  noise: Noise;
}

export interface Results {
  meta: Meta;
  rows: Row[];
  sseDecoder: SseRow[];
  raw: unknown;
}

const CLIENTS = ["aoai", "openai", "http", "fetch"] as const;

export function noise(rows: readonly Row[]): Noise {
  const all: { row: string; client: string; spreadPct: number }[] = [];
  for (const row of rows) {
    if (row.n < 3) continue;
    for (const client of CLIENTS) {
      const s = row.spread[client];
      const m = row[client];
      if (!s || m === null || m === 0) continue;
      all.push({ row: row.id, client, spreadPct: (100 * (s[1] - s[0])) / Math.abs(m) });
    }
  }
  const pcts = all.map((a) => a.spreadPct).sort((a, b) => a - b);
  const r1 = (v: number) => Math.round(v * 10) / 10;
  return {
    figures: all.length,
    medianSpreadPct: r1(median(pcts)),
    p90SpreadPct: r1(pcts[Math.min(pcts.length - 1, Math.floor(pcts.length * 0.9))] ?? Number.NaN),
    noisiest: all
      .sort((a, b) => b.spreadPct - a.spreadPct)
      .slice(0, 5)
      .map((a) => ({ ...a, spreadPct: r1(a.spreadPct) })),
  };
}

/** A figure with about three significant digits. */
export function fmt(v: number | null): string {
  if (v === null) return "—";
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 1000) return Math.round(v).toLocaleString("en-US");
  if (a >= 100) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  if (a >= 1) return v.toFixed(2);
  return v.toFixed(3);
}

const ratio = (v: number | null) => (v === null ? "—" : `${v.toFixed(2)}x`);

/** `median unit` with the repetitions' min–max under it (nothing for a single measure). */
function cell(v: number | null, spread: Spread | null, unit: string, n: number): string {
  if (v === null) return "—";
  const u = unit ? ` ${unit}` : "";
  if (!spread || n < 2) return `${fmt(v)}${u}`;
  return `${fmt(v)}${u}<br><sub>${fmt(spread[0])}–${fmt(spread[1])}</sub>`;
}

function ratioCell(v: number | null, spread: Spread | null, n: number): string {
  if (v === null) return "—";
  if (!spread || n < 2) return ratio(v);
  return `${ratio(v)}<br><sub>${spread[0].toFixed(2)}–${spread[1].toFixed(2)}</sub>`;
}

/** The targets of a row, as the table's Target column shows them. */
function targetText(row: Row): string {
  const parts: string[] = [];
  if (row.target !== null) parts.push(`≤ ${row.target}x openai`);
  if (row.transportTarget !== null) parts.push(`≤ ${row.transportTarget}x transport`);
  if (row.limit !== null) parts.push(`≤ ${fmt(row.limit)} ${row.unit}`);
  return parts.join("; ");
}

/** One sentence on how noisy the run was. */
function noiseSentence(m: Meta): string {
  const n = m.noise;
  const l = m.machine.loadAvg1m;
  const busy = m.machine.busyPct
    ? `; all ${m.machine.cores} cores together were ${Math.round(m.machine.busyPct.median)}% busy at the median sample (max ${Math.round(m.machine.busyPct.max)}%), the bench's own client and server included`
    : "";
  const noisiest = n.noisiest.map((x) => `${x.row} ${x.client} ${x.spreadPct}%`).join(", ");
  return `Noise: over ${n.figures} figures with ${m.reps} repetitions, the repetitions of the median figure were ${n.medianSpreadPct}% apart (max − min over median; 90th percentile ${n.p90SpreadPct}%; widest: ${noisiest}). The 1-minute load average was ${l.start} at the start and ${l.min}–${l.max} during the run (median ${l.median}) on ${m.machine.cores} cores${busy}.`;
}

export function markdown(r: Results): string {
  const m = r.meta;
  const lines: string[] = [];
  lines.push(
    `# @aoai benchmark results${m.mode === "smoke" ? " (smoke mode: tiny counts, figures not meaningful)" : ""}`,
  );
  lines.push("");
  lines.push(
    `${m.date} · Node ${m.node} · ${m.platform} · ${m.cpu} × ${m.cores} cores · ${m.memoryGb} GB · ${m.reps} repetition(s), each client and scenario in a fresh process · ${m.durationS} s`,
  );
  lines.push("");
  lines.push(
    `Versions: ${Object.entries(m.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}.`,
  );
  lines.push("");
  lines.push(
    `Every figure is the **median** of the repetitions, with their min–max under it; ratios are of the medians (min–max of the ratios paired by repetition under them); targets are judged at the median. ${noiseSentence(m)}`,
  );
  lines.push("");
  lines.push(
    "| Scenario | Metric | @aoai | openai `AzureOpenAI` | transport floor | bare `fetch` | @aoai / openai | @aoai / transport | Target | Result |",
  );
  lines.push("|---|---|--:|--:|--:|--:|--:|--:|--:|:-:|");
  for (const row of r.rows) {
    lines.push(
      `| ${row.section} | ${row.metric}${row.better === "higher" ? " (higher is better)" : ""} | ${cell(row.aoai, row.spread.aoai, row.unit, row.n)} | ${cell(row.openai, row.spread.openai, row.unit, row.n)} | ${cell(row.http, row.spread.http, row.unit, row.n)} | ${cell(row.fetch, row.spread.fetch, row.unit, row.n)} | ${ratioCell(row.ratio, row.ratioSpread, row.n)} | ${ratioCell(row.transportRatio, row.transportRatioSpread, row.n)} | ${targetText(row)} | ${row.status ?? ""} |`,
    );
  }
  lines.push("");
  lines.push(
    `SSE decoder alone (bench/sse-decoder: ${(m.counts as { sse: { chunks: number } }).sse.chunks.toLocaleString("en-US")} Azure chunks of ~480 bytes from 64 KiB reads, no HTTP, no JSON.parse):`,
  );
  lines.push("");
  lines.push("| Decoder | CPU per chunk | vs @azure/core-sse |");
  lines.push("|---|--:|--:|");
  for (const s of r.sseDecoder)
    lines.push(`| ${s.decoder} | ${cell(s.cpuUsPerChunk, s.spread, "µs", m.reps)} | ${ratio(s.ratio)} |`);
  lines.push("");
  lines.push("![ratios to openai](chart.svg)");
  lines.push("");
  lines.push(
    "Method: one loopback @aoai/emulator in its own process (127.0.0.1), beside the bench's own Azure-shaped front in that process (bench/src/front.ts): embeddings pre-serialized (the first answer to a body is the emulator's, repeats are its cached bytes, so server work stays out of client time), a transcription route that reads the whole multipart upload and answers `{ text }`, a speech route that streams the configured megabytes of audio, and an image route that answers real 1536 x 1024 PNGs (about 3 MB each) as `b64_json`. Every client and scenario runs in a fresh child process that warms up (chat and each load level: 3,000 calls, until V8 has stopped optimizing the hot path), then measures with `process.cpuUsage()`, `performance.now()` and `maxRSS`; client order rotates across repetitions. @aoai = the feature packages with defaults over `AzureOpenAIClient` from `@aoai/core`; openai = `new AzureOpenAI({ endpoint, apiKey, apiVersion, deployment })` with defaults (uploads as `fs.createReadStream`, speech piped to the file, images through `Buffer.from(b64, \"base64\")`); transport floor = `@azure/core-rest-pipeline`'s `createDefaultHttpClient()` (node:http, the copy @aoai/core loads) called directly with a plain request, a hand-split SSE and `JSON.parse`, no SDK code; fetch = hand-written request with global fetch, the same SSE split. The load sweep runs each level in its own process, so its peak RSS is that level's. Upload RSS above baseline = peak RSS minus the RSS before the measured uploads (after warm-ups with a 64 KiB file). Cold import: `node -e \"import('<pkg>')\"` minus the median of a bare `node -e 0`; @aoai loads its node:http client (core-rest-pipeline) on the first request, so the cold-start row (a fresh process that imports, constructs a client, gets one chat answer and exits, minus a bare `node -e 0`) shows that cost too. Bundles: esbuild `--bundle --minify --format=esm --platform=browser`, then gzip -9, of the entries in `bench/src/bundles/` (one measure: sizes do not vary).",
  );
  lines.push("");
  return lines.join("\n");
}
