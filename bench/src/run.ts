/**
 * `pnpm bench` / `pnpm --filter @aoai/bench run smoke`: measures @aoai against openai's AzureOpenAI
 * and a bare-fetch floor, and writes results.md, results.json and chart.svg.
 * Flags: --smoke (tiny counts), --out <dir> (default bench/results, bench/results/smoke in smoke mode).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { chartSvg } from "./chart.ts";
import { CLIENT_NAMES, type ClientName, type Target } from "./clients/types.ts";
import {
  API_KEY,
  API_VERSION,
  type BenchConfig,
  CHAT_DEPLOYMENT,
  EMBEDDING_DEPLOYMENT,
  FULL,
  SMOKE,
} from "./config.ts";
import { retryMissingModule, runJsonChild } from "./proc.ts";
import { markdown, type Results } from "./report.ts";
import { buildRows, buildSseRows, type Figures, IMPORTED_PACKAGES } from "./rows.ts";
import { measureBundles } from "./scenarios/bundles.ts";
import { measureColdImports } from "./scenarios/cold-import.ts";
import { measureColdStarts } from "./scenarios/cold-start.ts";
import { DECODER_NAMES } from "./scenarios/sse-decoder.ts";
import { startServer } from "./server-control.ts";
import { medianRecord, round } from "./stats.ts";

const BENCH_DIR = fileURLToPath(new URL("..", import.meta.url));
const CHILD = fileURLToPath(new URL("./child.ts", import.meta.url));

const { values } = parseArgs({
  options: { smoke: { type: "boolean", default: false }, out: { type: "string" } },
});
const config: BenchConfig = values.smoke ? SMOKE : FULL;
const outDir = values.out ?? `${BENCH_DIR}results${values.smoke ? "/smoke" : ""}`;
const log = (msg: string) =>
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(1)}s] ${msg}\n`);
const started = performance.now();

/** Rotation r of `names`: each repetition starts with a different client. */
function rotate<T>(names: readonly T[], r: number): T[] {
  return names.map((_, i) => names[(i + r) % names.length]!);
}

function version(pkg: string): string {
  for (const dir of [`${BENCH_DIR}node_modules/`, `${BENCH_DIR}../node_modules/`]) {
    try {
      return (JSON.parse(readFileSync(`${dir}${pkg}/package.json`, "utf8")) as { version: string }).version;
    } catch {
      // try the next folder
    }
  }
  return "n/a";
}

async function clientScenarios(target: Target) {
  const runs: Record<string, Record<string, Record<string, number>[]>> = {
    chat: {},
    stream: {},
    embed: {},
    sse: {},
  };
  for (let r = 0; r < config.reps; r++) {
    for (const scenario of ["chat", "stream", "embed"] as const) {
      for (const client of rotate<ClientName>(CLIENT_NAMES, r)) {
        const figures = await retryMissingModule(() =>
          runJsonChild<Record<string, number>>(
            [CHILD, scenario, client, JSON.stringify({ target, config })],
            config.childTimeoutMs,
          ),
        );
        runs[scenario]![client] = [...(runs[scenario]![client] ?? []), figures];
        log(
          `rep ${r + 1}/${config.reps} ${scenario} ${client}: ${JSON.stringify(figures, (_, v) => (typeof v === "number" ? round(v, 2) : v))}`,
        );
      }
    }
    for (const decoder of rotate(DECODER_NAMES, r)) {
      const figures = await retryMissingModule(() =>
        runJsonChild<Record<string, number>>(
          [CHILD, "sse", decoder, JSON.stringify({ target, config })],
          config.childTimeoutMs,
        ),
      );
      runs.sse![decoder] = [...(runs.sse![decoder] ?? []), figures];
      log(`rep ${r + 1}/${config.reps} sse-decoder ${decoder}: ${round(figures.cpuUsPerChunk!, 2)} µs/chunk`);
    }
  }
  const med = (scenario: string) =>
    Object.fromEntries(Object.entries(runs[scenario]!).map(([k, v]) => [k, medianRecord(v)]));
  return {
    medians: { chat: med("chat"), stream: med("stream"), embed: med("embed"), sse: med("sse") },
    runs,
  };
}

/** The bench measures built packages: fail early, and clearly, when one is not built. */
async function checkBuilt(): Promise<void> {
  for (const p of ["@aoai/core", "@aoai/chat", "@aoai/embeddings", "@aoai/emulator"]) {
    try {
      await retryMissingModule(() => import(p));
    } catch (error) {
      throw new Error(
        `${p} does not load (${(error as Error).message.split("\n")[0]}); build the packages first: pnpm build`,
      );
    }
  }
}

async function main(): Promise<void> {
  await checkBuilt();
  log(`mode ${config.mode}, ${config.reps} repetition(s), output ${outDir}`);
  const server = await startServer(API_KEY, config.mode === "smoke" ? 120_000 : 900_000);
  log(`emulator at ${server.url} (pid ${server.pid})`);
  const target: Target = {
    endpoint: server.url,
    embeddingsEndpoint: server.embeddingsUrl,
    apiKey: API_KEY,
    apiVersion: API_VERSION,
    chatDeployment: CHAT_DEPLOYMENT,
    embeddingDeployment: EMBEDDING_DEPLOYMENT,
  };
  let measured: Awaited<ReturnType<typeof clientScenarios>>;
  let coldStart: Record<ClientName, number>;
  try {
    measured = await clientScenarios(target);
    log("cold starts");
    coldStart = measureColdStarts(CLIENT_NAMES, target, config.coldImport.runs);
    log(`cold starts: ${JSON.stringify(coldStart, (_, v) => (typeof v === "number" ? round(v, 1) : v))}`);
  } finally {
    await server.stop();
  }
  log("cold imports");
  const coldImport = await retryMissingModule(() =>
    measureColdImports([...IMPORTED_PACKAGES, "openai"], config.coldImport.runs),
  );
  log(`cold imports: ${JSON.stringify(coldImport, (_, v) => (typeof v === "number" ? round(v, 1) : v))}`);
  log("bundles");
  const bundles = await retryMissingModule(() => measureBundles());
  log(`bundles: ${JSON.stringify(bundles)}`);

  const figures = { ...measured.medians, coldImport, coldStart, bundles } as unknown as Figures;
  const cpus = os.cpus();
  const results: Results = {
    meta: {
      date: new Date().toISOString(),
      mode: config.mode,
      reps: config.reps,
      node: process.versions.node,
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      cpu: cpus[0]?.model.trim() ?? "unknown",
      cores: cpus.length,
      memoryGb: round(os.totalmem() / 2 ** 30, 1),
      versions: Object.fromEntries(
        [
          "@aoai/core",
          "@aoai/chat",
          "@aoai/embeddings",
          "@aoai/emulator",
          "openai",
          "@azure/core-sse",
          "esbuild",
        ].map((p) => [p, version(p)]),
      ),
      counts: { ...config },
      durationS: round((performance.now() - started) / 1000, 1),
    },
    rows: buildRows(figures, { streamChunks: config.stream.chunks, embedInputs: config.embed.inputs }),
    sseDecoder: buildSseRows(figures),
    raw: { medians: figures, runs: measured.runs },
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(`${outDir}/results.json`, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(`${outDir}/results.md`, markdown(results));
  writeFileSync(
    `${outDir}/chart.svg`,
    chartSvg(
      results.rows,
      `@aoai vs openai AzureOpenAI — Node ${process.versions.node}, ${results.meta.cores} cores${config.mode === "smoke" ? " (smoke)" : ""}`,
    ),
  );
  log(`wrote ${outDir}/results.md, results.json, chart.svg`);
  process.stdout.write(markdown(results));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
