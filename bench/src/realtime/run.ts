/**
 * `pnpm --filter @aoai/bench run realtime`: @aoai/realtime beside openai's realtime WebSocket
 * client (`OpenAIRealtimeWS.azure`), each client in a fresh process per repetition, against one
 * local TLS WebSocket service (server.ts): CPU per server event over 100,000 audio-delta events,
 * and peak RSS while appending 10 minutes of PCM16. Prints medians with the min–max of the
 * repetitions and the ratio to openai, and writes them to bench/results/realtime.md (and .json;
 * bench/results/smoke/ with --smoke). Flags: --smoke (tiny counts).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { runJsonChild } from "../proc.ts";
import { median, range, round } from "../stats.ts";
import { startRealtimeServer } from "./server.ts";

const CHILD = fileURLToPath(new URL("./child.ts", import.meta.url));
const { values } = parseArgs({ options: { smoke: { type: "boolean", default: false } } });
const counts = values.smoke
  ? { reps: 1, events: 200, warmupEvents: 50, minutes: 0.1 }
  : { reps: 7, events: 100_000, warmupEvents: 5_000, minutes: 10 };
const CLIENTS = ["aoai", "openai"] as const;

const server = await startRealtimeServer();
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
const figures: Record<string, Record<string, Record<string, number>[]>> = { events: {}, append: {} };
try {
  for (let r = 0; r < counts.reps; r++) {
    for (const scenario of ["events", "append"] as const) {
      for (const client of r % 2 ? [...CLIENTS].reverse() : CLIENTS) {
        const result = await runJsonChild<Record<string, number>>(
          [
            CHILD,
            scenario,
            client,
            JSON.stringify({
              endpoint: server.endpoint,
              apiKey: "bench-key",
              deployment: "gpt-realtime",
              ...counts,
            }),
          ],
          600_000,
        );
        const runs = figures[scenario]!;
        runs[client] = [...(runs[client] ?? []), result];
        process.stderr.write(
          `[realtime bench] rep ${r + 1} ${scenario} ${client}: ${JSON.stringify(result)}\n`,
        );
      }
    }
  }
} finally {
  await server.close();
}

const row = (label: string, scenario: string, key: string, unit: string) => {
  const of = (client: string) => (figures[scenario]![client] ?? []).map((f) => f[key]!);
  const aoai = of("aoai");
  const openai = of("openai");
  const [lo, hi] = range(aoai);
  return `| ${label} | ${round(median(aoai), 2)} ${unit} [${round(lo, 2)}–${round(hi, 2)}] | ${round(median(openai), 2)} ${unit} | ${round(median(aoai) / median(openai), 2)}x |`;
};
const table = [
  `# @aoai/realtime beside openai's realtime client${values.smoke ? " (smoke)" : ""}`,
  "",
  `Node ${process.versions.node}, ${cpus().length} cores, ${new Date().toISOString().slice(0, 10)}; ${counts.reps} repetition(s), each client in a fresh process; medians with the min–max of @aoai's repetitions.`,
  "Audio deltas of 200 ms of PCM16 (9,600 bytes), collected as each client's users would; appends of 100 ms pieces as fast as the socket takes them.",
  "",
  "| measure | @aoai | openai | / openai |",
  "| --- | --: | --: | --: |",
  row(`CPU per server event (${counts.events} audio deltas)`, "events", "cpuUsPerEvent", "µs"),
  row(`peak RSS appending ${counts.minutes} min of PCM16`, "append", "peakRssMb", "MB"),
  "",
].join("\n");
console.log(table);
const outDir = fileURLToPath(new URL(`../../results${values.smoke ? "/smoke" : ""}/`, import.meta.url));
mkdirSync(outDir, { recursive: true });
writeFileSync(`${outDir}realtime.md`, table);
writeFileSync(`${outDir}realtime.json`, `${JSON.stringify(figures, null, 2)}\n`);
