import { readFileSync } from "node:fs";
import os from "node:os";
import { median, round } from "./stats.ts";

/** How busy the machine was during a run (the bench's own two processes included). */
export interface MachineLoad {
  cores: number;
  /** 1-minute load average: at the start, and min / median / max of samples every 2 s. */
  loadAvg1m: { start: number; min: number; median: number; max: number; end: number };
  /** Share of all cores busy (all processes), from /proc/stat; null where it cannot be read. */
  busyPct: { median: number; max: number } | null;
  samples: number;
}

function cpuTimes(): { busy: number; total: number } | undefined {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0]!;
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (f[3] ?? 0) + (f[4] ?? 0);
    const total = f.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

/** Samples the load average and CPU busy share every `everyMs` until `stop()`. */
export class LoadSampler {
  readonly #start = os.loadavg()[0]!;
  readonly #loads: number[] = [];
  readonly #busy: number[] = [];
  #last = cpuTimes();
  readonly #timer: NodeJS.Timeout;

  constructor(everyMs = 2000) {
    this.#timer = setInterval(() => this.#sample(), everyMs);
    this.#timer.unref();
  }

  #sample(): void {
    this.#loads.push(os.loadavg()[0]!);
    const now = cpuTimes();
    if (now && this.#last && now.total > this.#last.total)
      this.#busy.push((100 * (now.busy - this.#last.busy)) / (now.total - this.#last.total));
    this.#last = now;
  }

  stop(): MachineLoad {
    clearInterval(this.#timer);
    this.#sample();
    const r = (v: number) => round(v, 2);
    return {
      cores: os.cpus().length,
      loadAvg1m: {
        start: r(this.#start),
        min: r(Math.min(...this.#loads)),
        median: r(median(this.#loads)),
        max: r(Math.max(...this.#loads)),
        end: r(this.#loads.at(-1)!),
      },
      busyPct: this.#busy.length ? { median: r(median(this.#busy)), max: r(Math.max(...this.#busy)) } : null,
      samples: this.#loads.length,
    };
  }
}
