import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";

/** What every measuring child reports besides its scenario's figures. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** CPU (user + system) used since `start`, in microseconds. */
export function cpuSinceUs(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return d.user + d.system;
}

/**
 * Runs `once` `requests` times in the measured window, the first run always, the others while
 * under `maxMs`: the wall time of each run and the window's CPU in microseconds.
 */
export async function timedRuns(
  cfg: { requests: number; maxMs: number },
  once: () => Promise<void>,
): Promise<{ times: number[]; cpuUs: number }> {
  const times: number[] = [];
  windowStart();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < cfg.requests && (i === 0 || performance.now() - t0 < cfg.maxMs); i++) {
    const s = performance.now();
    await once();
    times.push(performance.now() - s);
  }
  const cpuUs = cpuSinceUs(cpu0);
  windowStop();
  return { times, cpuUs };
}

let session: Session | undefined;

/**
 * Marks the measured window. When BENCH_CPU_PROF names a file (src/profile.ts sets it), the CPU
 * profile covers exactly this window, not start-up or warm-up. A no-op otherwise.
 */
export function windowStart(): void {
  const file = process.env.BENCH_CPU_PROF;
  if (!file || session) return;
  session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 100 });
  session.post("Profiler.start");
}

export function windowStop(): void {
  const file = process.env.BENCH_CPU_PROF;
  if (!file || !session) return;
  // A same-thread inspector session answers synchronously.
  session.post("Profiler.stop", (error, result) => {
    if (!error) writeFileSync(file, JSON.stringify(result.profile));
  });
  session.disconnect();
}
