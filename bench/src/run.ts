/**
 * `pnpm bench` / `pnpm --filter @aoai/bench run smoke`: measures @aoai against openai's AzureOpenAI,
 * the floor of its own transport (core-rest-pipeline's node:http client) and a bare-fetch floor,
 * and writes results.md, results.json and chart.svg. Every figure is the median of `reps`
 * repetitions (a fresh process each) with their min–max, and the run says how noisy it was.
 * Flags: --smoke (tiny counts), --out <dir> (default bench/results, bench/results/smoke in smoke mode).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { chartSvg } from "./chart.ts";
import { transportUrl } from "./clients/http.ts";
import { CLIENT_NAMES, type ClientName, type Target } from "./clients/types.ts";
import { API_KEY, type BenchConfig, benchTarget, FULL, SMOKE } from "./config.ts";
import { LoadSampler } from "./machine-load.ts";
import { retryMissingModule, runJsonChild } from "./proc.ts";
import { markdown, noise, type Results } from "./report.ts";
import { buildRows, buildSseRows, IMPORTED_PACKAGES, type Runs } from "./rows.ts";
import { writeAudioFile } from "./scenarios/audio.ts";
import { measureBundles } from "./scenarios/bundles.ts";
import { measureColdImports } from "./scenarios/cold-import.ts";
import { measureColdStarts } from "./scenarios/cold-start.ts";
import { writeMarkdownFiles } from "./scenarios/index-files.ts";
import { DECODER_NAMES } from "./scenarios/sse-decoder.ts";
import { startServer } from "./server-control.ts";
import { round } from "./stats.ts";

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

const short = (figures: unknown) =>
  JSON.stringify(figures, (_, v) => (typeof v === "number" ? round(v, 2) : v));

/** The client scenarios, each client in a fresh process per repetition. */
const SCENARIOS = [
  "chat",
  "stream",
  "completions",
  "responses",
  "responses-stream",
  "embed",
  "upload",
  "speech",
  "images",
] as const;

async function clientScenarios(target: Target, uploadPath: string, indexDir: string) {
  const runs = {
    chat: {},
    load: {},
    stream: {},
    completions: {},
    responses: {},
    "responses-stream": {},
    index: {},
    embed: {},
    upload: {},
    speech: {},
    images: {},
    sse: {},
  } as Pick<Runs, (typeof SCENARIOS)[number] | "load" | "sse" | "index">;
  const child = (scenario: string, name: string, extra: object = {}) =>
    retryMissingModule(() =>
      runJsonChild<Record<string, number>>(
        [CHILD, scenario, name, JSON.stringify({ target, config, uploadPath, indexDir, ...extra })],
        config.childTimeoutMs,
      ),
    );
  const add = (into: object, name: string, figures: Record<string, number>) => {
    const lists = into as Record<string, Record<string, number>[]>;
    lists[name] = [...(lists[name] ?? []), figures];
  };
  for (let r = 0; r < config.reps; r++) {
    for (const scenario of SCENARIOS) {
      for (const client of rotate<ClientName>(CLIENT_NAMES, r)) {
        const figures = await child(scenario, client);
        add(runs[scenario], client, figures);
        log(`rep ${r + 1}/${config.reps} ${scenario} ${client}: ${short(figures)}`);
      }
    }
    // Only @aoai and openai have an uploads-and-poll helper; each run makes its own store.
    for (const client of rotate<ClientName>(["aoai", "openai"], r)) {
      const figures = await child("index", client);
      add(runs.index, client, figures);
      log(`rep ${r + 1}/${config.reps} index ${client}: ${short(figures)}`);
    }
    for (const level of config.load.levels) {
      for (const client of rotate<ClientName>(CLIENT_NAMES, r)) {
        const figures = await child("load", client, { inFlight: level });
        runs.load[level] ??= {};
        add(runs.load[level], client, figures);
        log(`rep ${r + 1}/${config.reps} load ${level} ${client}: ${short(figures)}`);
      }
    }
    for (const decoder of rotate(DECODER_NAMES, r)) {
      const figures = await child("sse", decoder);
      add(runs.sse, decoder, figures);
      log(`rep ${r + 1}/${config.reps} sse-decoder ${decoder}: ${round(figures.cpuUsPerChunk!, 2)} µs/chunk`);
    }
  }
  return runs;
}

/** This project's packages the bench loads. */
const MEASURED_PACKAGES = [
  "@aoai/core",
  "@aoai/chat",
  "@aoai/embeddings",
  "@aoai/completions",
  "@aoai/audio",
  "@aoai/images",
  "@aoai/responses",
  "@aoai/vector-stores",
  "@aoai/emulator",
];

/** The bench measures built packages: fail early, and clearly, when one is not built. */
async function checkBuilt(): Promise<void> {
  for (const p of MEASURED_PACKAGES) {
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
  const sampler = new LoadSampler();
  const server = await startServer(
    API_KEY,
    config.mode === "smoke" ? 120_000 : 1_800_000,
    Math.round(config.speech.megabytes * 2 ** 20),
  );
  log(`emulator at ${server.url}, front at ${server.frontUrl} (pid ${server.pid})`);
  const target = benchTarget(server.url, server.frontUrl);
  const tmp = mkdtempSync(join(os.tmpdir(), "aoai-bench-"));
  const uploadPath = join(tmp, "speech.mp3");
  writeAudioFile(uploadPath, Math.round(config.upload.megabytes * 2 ** 20));
  const indexDir = join(tmp, "notes");
  writeMarkdownFiles(indexDir, config.index.files);
  let measured: Awaited<ReturnType<typeof clientScenarios>>;
  let coldStart: Runs["coldStart"];
  try {
    measured = await clientScenarios(target, uploadPath, indexDir);
    log("cold starts");
    coldStart = measureColdStarts(CLIENT_NAMES, target, config.coldImport.runs, transportUrl());
    log(`cold starts: ${short(coldStart)}`);
  } finally {
    await server.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
  log("cold imports");
  const coldImport = await retryMissingModule(() =>
    measureColdImports([...IMPORTED_PACKAGES, "openai"], config.coldImport.runs),
  );
  log(`cold imports: ${short(coldImport)}`);
  log("bundles");
  const bundles = await retryMissingModule(() => measureBundles());
  log(`bundles: ${JSON.stringify(bundles)}`);
  const machine = sampler.stop();

  const runs: Runs = { ...measured, coldImport: coldImport.runs, coldStart, bundles };
  const cpus = os.cpus();
  const rows = buildRows(runs, {
    streamChunks: config.stream.chunks,
    embedInputs: config.embed.inputs,
    uploadMb: config.upload.megabytes,
    speechMb: config.speech.megabytes,
    images: `${config.images.n} x ${config.images.size}`,
    indexFiles: config.index.files,
  });
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
        [...MEASURED_PACKAGES, "openai", "@azure/core-sse", "esbuild"].map((p) => [p, version(p)]),
      ),
      counts: { ...config },
      durationS: round((performance.now() - started) / 1000, 1),
      machine,
      noise: noise(rows),
    },
    rows,
    sseDecoder: buildSseRows(runs),
    raw: { runs, coldImportBaselineMs: coldImport.baselineMs },
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(`${outDir}/results.json`, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(`${outDir}/results.md`, markdown(results));
  writeFileSync(
    `${outDir}/chart.svg`,
    chartSvg(
      results.rows,
      `@aoai vs openai AzureOpenAI — medians of ${config.reps}, min–max whiskers — Node ${process.versions.node}, ${results.meta.cores} cores${config.mode === "smoke" ? " (smoke)" : ""}`,
    ),
  );
  log(`wrote ${outDir}/results.md, results.json, chart.svg`);
  process.stdout.write(markdown(results));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
