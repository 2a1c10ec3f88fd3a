/**
 * A quick look at one scenario while working on a hot path: runs it for the given clients,
 * interleaved, `--reps` times (fresh process each) against one server, and prints each figure's
 * median and min–max. Not a substitute for `pnpm bench`.
 * Usage: node src/profile.ts --compare <chat|load|stream|completions|responses|responses-stream|
 *          index|embed|upload|speech|images>
 *          [aoai,openai,http,fetch] [--reps 5] [--smoke] [--in-flight 64]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { API_KEY, benchTarget, FULL, SMOKE } from "./config.ts";
import { runJsonChild } from "./proc.ts";
import { fmt } from "./report.ts";
import { writeAudioFile } from "./scenarios/audio.ts";
import { writeMarkdownFiles } from "./scenarios/index-files.ts";
import { startServer } from "./server-control.ts";
import { median, range } from "./stats.ts";

const CHILD = fileURLToPath(new URL("./child.ts", import.meta.url));

export async function compare(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      compare: { type: "boolean", default: false },
      reps: { type: "string", default: "5" },
      smoke: { type: "boolean", default: false },
      "in-flight": { type: "string", default: "64" },
    },
  });
  const [scenario = "stream", list = "aoai,http,openai"] = positionals;
  const clients = list.split(",");
  const config = values.smoke ? SMOKE : FULL;
  const server = await startServer(API_KEY, 1_800_000, Math.round(config.speech.megabytes * 2 ** 20));
  const dir = mkdtempSync(join(tmpdir(), "aoai-bench-compare-"));
  try {
    const uploadPath = join(dir, "upload.mp3");
    if (scenario === "upload") writeAudioFile(uploadPath, Math.round(config.upload.megabytes * 2 ** 20));
    const indexDir = join(dir, "notes");
    if (scenario === "index") writeMarkdownFiles(indexDir, config.index.files);
    const target = benchTarget(server.url, server.frontUrl);
    const args = JSON.stringify({
      target,
      config,
      uploadPath,
      indexDir,
      inFlight: Number(values["in-flight"]),
    });
    const runs: Record<string, Record<string, number>[]> = {};
    for (let r = 0; r < Number(values.reps); r++) {
      for (let i = 0; i < clients.length; i++) {
        const c = clients[(i + r) % clients.length]!;
        const figures = await runJsonChild<Record<string, number>>(
          [CHILD, scenario, c, args],
          config.childTimeoutMs,
        );
        runs[c] = [...(runs[c] ?? []), figures];
      }
    }
    for (const key of Object.keys(runs[clients[0]!]![0]!)) {
      const cells = clients.map((c) => {
        const v = runs[c]!.map((f) => f[key]!);
        const [lo, hi] = range(v);
        return `${c} ${fmt(median(v))} (${fmt(lo)}–${fmt(hi)})`;
      });
      console.log(`${key.padEnd(18)} ${cells.join("   ")}`);
    }
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
