/**
 * `pnpm --filter @aoai/bench run router`: @aoai/router under a fleet's load. 10,000 chat calls
 * from 8 processes, started at a fixed pace, against three emulated targets: a PTU with a small
 * quota (priority 1) and two standard regions (priority 2), one of which (west) fails 30% of its
 * calls (20% 503, 10% connections reset) for the middle half of the run. Three runs: routers
 * sharing state through Redis, routers on their own memory, and a single-target client (default
 * retries) on the failing region. Reports success (overall and while west fails), p50/p99
 * latency, the PTU's share of the calls and how full it kept the PTU's quota windows, against the
 * router's goals. Writes router.md and router.json to bench/results (bench/results/smoke with
 * --smoke: 200 calls from 2 processes). Servers bind 127.0.0.1; children are stopped by PID.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startEmulator } from "@aoai/emulator";
import { startRedisServer } from "../../../test-utils/redis-server.ts";
import { runJsonChild } from "../proc.ts";
import { percentile, round } from "../stats.ts";
import type { ChildConfig, ChildResult } from "./child.ts";

const CHILD = fileURLToPath(new URL("./child.ts", import.meta.url));
const BENCH_DIR = fileURLToPath(new URL("../../", import.meta.url));
const { values } = parseArgs({
  options: { smoke: { type: "boolean", default: false }, out: { type: "string" } },
});
/** Calls are paced over `durationMs`; west fails from `failFrom` to `failTo` (fractions of it). */
const counts = values.smoke
  ? { calls: 200, procs: 2, durationMs: 4000, windowMs: 1000, quota: 5, failFrom: 0.25, failTo: 0.75 }
  : { calls: 10_000, procs: 8, durationMs: 25_000, windowMs: 2500, quota: 100, failFrom: 0.25, failTo: 0.75 };
const outDir = values.out ?? `${BENCH_DIR}results${values.smoke ? "/smoke" : ""}`;
const MODES = ["router-shared", "router-local", "single"] as const;
type Mode = (typeof MODES)[number];
const log = (line: string) => process.stderr.write(`[router bench] ${line}\n`);

interface Figures {
  mode: Mode;
  calls: number;
  success: number;
  successWhileFailing: number;
  p50Ms: number;
  p99Ms: number;
  ptuShare: number;
  /** Calls the PTU served over its quota, per quota window that ended within the run. */
  ptuWindowUse: { mean: number; min: number; windows: number };
  errors: Record<string, number>;
  wallMs: number;
}

async function runMode(mode: Mode, redisUrl: string | undefined): Promise<Figures> {
  const ptu = await startEmulator({
    quotas: { "gpt-4o": { requestsPerMinute: counts.quota } },
    quotaWindowMs: counts.windowMs,
    requestLogSize: 0,
  });
  const east = await startEmulator({ requestLogSize: 0 });
  const west = await startEmulator({ requestLogSize: 0 });
  const timers: NodeJS.Timeout[] = [];
  const started = Date.now();
  try {
    // Node takes a while to start 8 processes on 2 cores: the first call waits for all of them.
    const startAt = Date.now() + 1500 + 250 * counts.procs;
    const failFrom = counts.durationMs * counts.failFrom;
    const failTo = counts.durationMs * counts.failTo;
    timers.push(
      setTimeout(
        () => {
          west.faults.push({ kind: "status", status: 503, rate: 0.2, times: 1e9 });
          west.faults.push({ kind: "reset", rate: 0.125, times: 1e9 });
        },
        startAt + failFrom - Date.now(),
      ),
      setTimeout(() => west.faults.clear(), startAt + failTo - Date.now()),
    );
    const results = await Promise.all(
      Array.from({ length: counts.procs }, (_, index) => {
        const config: ChildConfig = {
          mode,
          ptu: ptu.url,
          east: east.url,
          west: west.url,
          apiKey: ptu.apiKey,
          redisUrl,
          startAt,
          intervalMs: counts.durationMs / counts.calls,
          calls: counts.calls,
          procs: counts.procs,
          index,
        };
        return runJsonChild<ChildResult>([CHILD, JSON.stringify(config)], counts.durationMs + 120_000);
      }),
    );
    return figures(mode, results, failFrom, failTo, Date.now() - started);
  } finally {
    for (const t of timers) clearTimeout(t);
    await Promise.all([ptu.close(), east.close(), west.close()]);
  }
}

function figures(
  mode: Mode,
  results: ChildResult[],
  failFrom: number,
  failTo: number,
  wallMs: number,
): Figures {
  const start = results.flatMap((r) => r.start);
  const latency = results.flatMap((r) => r.latency);
  const ok = results.flatMap((r) => r.ok);
  const target = results.flatMap((r) => r.target);
  const errors: Record<string, number> = {};
  for (const r of results) for (const [k, v] of Object.entries(r.errors)) errors[k] = (errors[k] ?? 0) + v;
  const failing = ok.filter((_, i) => start[i]! >= failFrom && start[i]! < failTo);
  // The emulator's quota window starts at the first call after the last one ended; a call's
  // start time is close enough to its arrival to rebuild them.
  const ptuStarts = start.filter((_, i) => target[i] === 0 && ok[i] === 1).sort((a, b) => a - b);
  const use: number[] = [];
  let windowStart = ptuStarts[0];
  let served = 0;
  for (const t of ptuStarts) {
    if (t - windowStart! >= counts.windowMs) {
      use.push(served / counts.quota);
      windowStart = t;
      served = 0;
    }
    served++;
  }
  if (windowStart !== undefined && windowStart + counts.windowMs <= counts.durationMs)
    use.push(served / counts.quota);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    mode,
    calls: ok.length,
    success: sum(ok) / ok.length,
    successWhileFailing: failing.length ? sum(failing) / failing.length : Number.NaN,
    p50Ms: percentile(latency, 50),
    p99Ms: percentile(latency, 99),
    ptuShare: target.filter((t) => t === 0).length / ok.length,
    ptuWindowUse: {
      mean: use.length ? sum(use) / use.length : Number.NaN,
      min: use.length ? Math.min(...use) : Number.NaN,
      windows: use.length,
    },
    errors,
    wallMs,
  };
}

const pct = (x: number, digits = 2) => `${round(x * 100, digits)}%`;

function markdown(rows: Figures[], skipped: string[]): string {
  const single = rows.find((r) => r.mode === "single");
  const lines = [
    `# @aoai/router under load${values.smoke ? " (smoke)" : ""}`,
    "",
    `${counts.calls} chat calls from ${counts.procs} processes, paced over ${counts.durationMs / 1000} s, against a PTU`,
    `(${counts.quota} calls per ${counts.windowMs / 1000} s window, priority 1) and two standard regions (priority 2); west`,
    `fails 30% of its calls (20% 503, 10% reset connections) from ${counts.failFrom * 100}% to ${counts.failTo * 100}% of the run. The`,
    "single-target client (default retries) calls west alone. Emulators on 127.0.0.1, answering at once:",
    "latency is the SDK's and its retries' waits, not a model's.",
    `Node ${process.versions.node}, ${cpus().length} cores, ${new Date().toISOString().slice(0, 10)}.`,
    "",
    "| run | success | while west fails | p50 | p99 | served by the PTU | PTU quota used per window (mean / min, windows) | wall |",
    "| --- | --: | --: | --: | --: | --: | --: | --: |",
  ];
  for (const r of rows) {
    const use =
      r.mode === "single"
        ? "–"
        : `${pct(r.ptuWindowUse.mean, 1)} / ${pct(r.ptuWindowUse.min, 1)} (${r.ptuWindowUse.windows})`;
    lines.push(
      `| ${r.mode} | ${pct(r.success)} | ${pct(r.successWhileFailing)} | ${round(r.p50Ms, 1)} ms | ${round(r.p99Ms, 1)} ms | ${r.mode === "single" ? "–" : pct(r.ptuShare, 1)} | ${use} | ${round(r.wallMs / 1000, 1)} s |`,
    );
  }
  lines.push("", "Goals: at least 99.9% success while a region fails, the PTU's quota used to at");
  lines.push("least 95% before spilling, p99 no worse than the single-target client's.", "");
  for (const r of rows.filter((r) => r.mode !== "single")) {
    const goals = [
      [`success while failing ${pct(r.successWhileFailing)} >= 99.9%`, r.successWhileFailing >= 0.999],
      [`PTU quota used ${pct(r.ptuWindowUse.min, 1)} (min) >= 95%`, r.ptuWindowUse.min >= 0.95],
      [
        `p99 ${round(r.p99Ms, 1)} ms <= single ${round(single?.p99Ms ?? Number.NaN, 1)} ms`,
        single !== undefined && r.p99Ms <= single.p99Ms,
      ],
    ] as const;
    lines.push(`- ${r.mode}: ${goals.map(([what, met]) => `${met ? "met" : "MISSED"}: ${what}`).join("; ")}`);
  }
  for (const r of rows)
    if (Object.keys(r.errors).length)
      lines.push(
        `- ${r.mode} errors: ${Object.entries(r.errors)
          .map(([k, v]) => `${k} x${v}`)
          .join(", ")}`,
      );
  for (const s of skipped) lines.push(`- ${s}`);
  return `${lines.join("\n")}\n`;
}

const redis = await startRedisServer();
const skipped: string[] = [];
const rows: Figures[] = [];
try {
  for (const mode of MODES) {
    if (mode === "router-shared" && !redis) {
      skipped.push("router-shared skipped: redis-server is not installed (apt-get install redis-server).");
      continue;
    }
    log(`${mode}: ${counts.calls} calls from ${counts.procs} processes`);
    const row = await runMode(mode, redis?.url);
    log(`${mode}: ${JSON.stringify({ ...row, errors: undefined })}`);
    rows.push(row);
  }
} finally {
  await redis?.stop();
}
mkdirSync(outDir, { recursive: true });
const md = markdown(rows, skipped);
writeFileSync(`${outDir}/router.md`, md);
writeFileSync(
  `${outDir}/router.json`,
  `${JSON.stringify({ counts, node: process.versions.node, cores: cpus().length, rows, skipped }, null, 2)}\n`,
);
process.stdout.write(md);
log(`wrote ${outDir}/router.md and router.json`);
