import type { Row, SseRow } from "./rows.ts";

/** Where and with what the figures were taken. */
export interface Meta {
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
}

export interface Results {
  meta: Meta;
  rows: Row[];
  sseDecoder: SseRow[];
  raw: unknown;
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

export function markdown(r: Results): string {
  const m = r.meta;
  const lines: string[] = [];
  lines.push(
    `# @aoai benchmark results${m.mode === "smoke" ? " (smoke mode: tiny counts, figures not meaningful)" : ""}`,
  );
  lines.push("");
  lines.push(
    `${m.date} · Node ${m.node} · ${m.platform} · ${m.cpu} × ${m.cores} cores · ${m.memoryGb} GB · median of ${m.reps} repetition(s), each client in a fresh process · ${m.durationS} s`,
  );
  lines.push("");
  lines.push(
    `Versions: ${Object.entries(m.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}.`,
  );
  lines.push("");
  lines.push(
    "| Scenario | Metric | @aoai | openai `AzureOpenAI` | bare `fetch` | @aoai / openai | fetch / openai | Target | Result |",
  );
  lines.push("|---|---|--:|--:|--:|--:|--:|--:|:-:|");
  for (const row of r.rows) {
    const unit = ` ${row.unit}`;
    lines.push(
      `| ${row.section} | ${row.metric}${row.better === "higher" ? " (higher is better)" : ""} | ${fmt(row.aoai)}${unit} | ${fmt(row.openai)}${unit} | ${row.fetch === null ? "—" : fmt(row.fetch) + unit} | ${ratio(row.ratio)} | ${ratio(row.floorRatio)} | ${row.target === null ? "" : `≤ ${row.target}x`} | ${row.status ?? ""} |`,
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
    lines.push(`| ${s.decoder} | ${fmt(s.cpuUsPerChunk)} µs | ${ratio(s.ratio)} |`);
  lines.push("");
  lines.push("![ratios to openai](chart.svg)");
  lines.push("");
  lines.push(
    "Method: one loopback @aoai/emulator in its own process (127.0.0.1), with embeddings answered through a pre-serializing front in that process (the first answer to a body is the emulator's, repeats are its cached bytes, so server work stays out of client time); every client and scenario runs in a fresh child process that warms up, then measures with `process.cpuUsage()`, `performance.now()` and `maxRSS`; client order rotates across repetitions. @aoai = `@aoai/chat` / `@aoai/embeddings` with defaults over `AzureOpenAIClient` from `@aoai/core`; openai = `new AzureOpenAI({ endpoint, apiKey, apiVersion, deployment })` with defaults; fetch = hand-written request, manual SSE split + `JSON.parse`, embeddings as base64 decoded into `Float32Array`. Cold import: median of `node -e \"import('<pkg>')\"` minus a bare `node -e 0`; @aoai loads its node:http client (core-rest-pipeline) on the first request, so the cold-start row (a fresh process that imports, constructs a client, gets one chat answer and exits, minus a bare `node -e 0`) shows that cost too. Bundles: esbuild `--bundle --minify --format=esm --platform=browser`, then gzip -9, of the entries in `bench/src/bundles/`.",
  );
  lines.push("");
  return lines.join("\n");
}
