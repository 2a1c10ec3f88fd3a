/**
 * Profiles one client in one scenario with `node --cpu-prof` and prints where the CPU went: self
 * time by function and by package/file, over the scenario's measured window only (after warm-up).
 * Starts its own emulator (own process, not profiled). With --compare, no profile: the scenario's
 * figures for several clients, median and min–max over --reps fresh processes (compare.ts).
 * Usage: node src/profile.ts <chat|load|stream|completions|embed|upload|speech|images|sse|import>
 *          <aoai|openai|http|fetch|core|core-sse|floor|<pkg>> [--smoke] [--top N] [--in-flight N]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { API_KEY, benchTarget, FULL, SMOKE } from "./config.ts";
import { writeAudioFile } from "./scenarios/audio.ts";
import { startServer } from "./server-control.ts";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const BENCH_DIR = fileURLToPath(new URL("..", import.meta.url));
const CHILD = fileURLToPath(new URL("./child.ts", import.meta.url));

/** `file:///…/node_modules/.pnpm/x@1/node_modules/x/dist/a.js` → `x/dist/a.js`; workspace files → `packages/…`. */
export function shortUrl(url: string): string {
  if (!url) return "(native/VM)";
  const path = url.replace(/^file:\/\//, "");
  const nm = path.lastIndexOf("/node_modules/");
  if (nm !== -1) return path.slice(nm + "/node_modules/".length);
  const ws = path.indexOf("/packages/");
  if (ws !== -1) return path.slice(ws + 1);
  const b = path.indexOf("/bench/");
  return b !== -1 ? path.slice(b + 1) : path;
}

function packageOf(short: string): string {
  if (short.startsWith("packages/")) return short.split("/").slice(0, 2).join("/");
  if (short.startsWith("node:") || !short.includes("/")) return short;
  const parts = short.split("/");
  return short.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

/** Self time (ms) by function and by package, from one .cpuprofile. */
export function summarize(profile: CpuProfile, top: number): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fn = new Map<string, number>();
  const pkg = new Map<string, number>();
  // (idle) is waiting, node:inspector is the profiler stopping: neither is the code measured.
  const skipped = (id: number) => {
    const frame = byId.get(id)!.callFrame;
    return frame.functionName === "(idle)" || frame.url === "node:inspector";
  };
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (skipped(id)) continue;
    const short = shortUrl(url);
    const key = `${functionName || "(anonymous)"}  ${short}${url ? `:${lineNumber + 1}` : ""}`;
    fn.set(key, (fn.get(key) ?? 0) + us);
    const p = functionName.startsWith("(") ? functionName : packageOf(short);
    pkg.set(p, (pkg.get(p) ?? 0) + us);
  }
  const idle = [...self].filter(([id]) => skipped(id)).reduce((a, [, us]) => a + us, 0);
  const busy = total - idle;
  const lines = [
    `busy ${(busy / 1000).toFixed(1)} ms (idle and profiler ${(idle / 1000).toFixed(1)} ms excluded); shares are of busy time`,
    "",
    "self time by package/file group:",
  ];
  for (const [k, us] of [...pkg].sort((a, b) => b[1] - a[1]).slice(0, top))
    lines.push(
      `  ${((100 * us) / busy).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`,
    );
  lines.push("", "self time by function:");
  for (const [k, us] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, top))
    lines.push(
      `  ${((100 * us) / busy).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`,
    );
  return lines.join("\n");
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      smoke: { type: "boolean", default: false },
      top: { type: "string", default: "25" },
      "in-flight": { type: "string", default: "64" },
    },
  });
  const [scenario = "stream", name = "aoai"] = positionals;
  const config = values.smoke ? SMOKE : FULL;
  const dir = mkdtempSync(join(tmpdir(), "aoai-bench-prof-"));
  // Imports are profiled whole (--cpu-prof); scenarios only over their measured window (BENCH_CPU_PROF).
  const flags =
    scenario === "import" ? ["--cpu-prof", `--cpu-prof-dir=${dir}`, "--cpu-prof-interval=100"] : [];
  const server =
    scenario === "import" || scenario === "sse"
      ? undefined
      : await startServer(API_KEY, 300_000, Math.round(config.speech.megabytes * 2 ** 20));
  try {
    const target = benchTarget(server?.url ?? "", server?.frontUrl ?? "");
    const uploadPath = join(dir, "upload.mp3");
    if (scenario === "upload") writeAudioFile(uploadPath, Math.round(config.upload.megabytes * 2 ** 20));
    const childArgs = { target, config, uploadPath, inFlight: Number(values["in-flight"]) };
    const args =
      scenario === "import"
        ? [...flags, "-e", `import(${JSON.stringify(name)})`]
        : [...flags, CHILD, scenario, name, JSON.stringify(childArgs)];
    const env = { ...process.env, BENCH_CPU_PROF: join(dir, "window.cpuprofile") };
    const r = spawnSync(process.execPath, args, { cwd: BENCH_DIR, env, encoding: "utf8", timeout: 300_000 });
    if (r.status !== 0) throw new Error(r.stderr);
    if (r.stdout.trim()) console.log(r.stdout.trim());
    const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"))!;
    console.log(
      summarize(JSON.parse(readFileSync(join(dir, file), "utf8")) as CpuProfile, Number(values.top)),
    );
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes("--compare")) await (await import("./compare.ts")).compare();
  else await main();
}
