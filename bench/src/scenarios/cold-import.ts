import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { median } from "../stats.ts";

const BENCH_DIR = fileURLToPath(new URL("../..", import.meta.url));

/** Wall time of one `node [args] -e <code>` in ms (process start to exit). */
export function timeNode(code: string, args: readonly string[] = []): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...args, "-e", code], {
    cwd: BENCH_DIR,
    stdio: ["ignore", "ignore", "pipe"],
    timeout: 30_000,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node -e ${code} failed: ${r.stderr?.toString()}`);
  return ms;
}

/**
 * Cold import of each package: `node -e "import('<pkg>')"` run `runs` times (packages interleaved,
 * order rotating), each minus the median of a bare `node -e 0`. Returns every run's ms per package.
 */
export function measureColdImports(
  packages: readonly string[],
  runs: number,
): { baselineMs: number; runs: Record<string, number[]> } {
  const base: number[] = [];
  const times: Record<string, number[]> = Object.fromEntries(packages.map((p) => [p, []]));
  timeNode("0"); // warm the file cache
  for (const p of packages) timeNode(`import(${JSON.stringify(p)})`);
  for (let r = 0; r < runs; r++) {
    base.push(timeNode("0"));
    const order = packages.map((_, i) => packages[(i + r) % packages.length]!);
    for (const p of order) times[p]!.push(timeNode(`import(${JSON.stringify(p)}).then(() => {})`));
  }
  const baselineMs = median(base);
  return {
    baselineMs,
    runs: Object.fromEntries(packages.map((p) => [p, times[p]!.map((t) => Math.max(0, t - baselineMs))])),
  };
}
