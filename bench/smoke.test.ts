import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { Results } from "./src/report.ts";
import { EXPECTED_ROW_IDS } from "./src/rows.ts";

const RUN = fileURLToPath(new URL("./src/run.ts", import.meta.url));
const out = mkdtempSync(join(tmpdir(), "aoai-bench-smoke-"));

afterAll(() => rmSync(out, { recursive: true, force: true }));

// Runs the harness end to end in smoke mode (tiny counts, no speed assertions): it needs the
// packages built (`pnpm build`), as the bench measures their dist output.
describe("bench smoke mode", () => {
  it("writes results with every row and finite figures", { timeout: 90_000 }, () => {
    const run = spawnSync(process.execPath, [RUN, "--smoke", "--out", out], {
      encoding: "utf8",
      timeout: 85_000,
    });
    expect(run.status, run.stderr).toBe(0);

    const results = JSON.parse(readFileSync(join(out, "results.json"), "utf8")) as Results;
    const ids = results.rows.map((r) => r.id);
    for (const id of EXPECTED_ROW_IDS) expect(ids).toContain(id);
    for (const level of [1, 8]) expect(ids).toContain(`load.cpu.${level}`);
    for (const row of results.rows) {
      for (const value of [row.aoai, row.openai, ...row.spread.aoai])
        expect(Number.isFinite(value), `${row.id}: ${value}`).toBe(true);
      // A ratio is null only where its divisor is 0 (a tiny upload can add no RSS at all).
      const finiteOrNone = (ratio: number | null, divisor: number) =>
        divisor === 0 ? ratio === null : Number.isFinite(ratio);
      expect(finiteOrNone(row.ratio, row.openai), `${row.id}: ${row.ratio}`).toBe(true);
      for (const value of row.ratioSpread ?? []) expect(Number.isFinite(value), row.id).toBe(true);
      if (row.fetch !== null)
        expect(Number.isFinite(row.fetch) && finiteOrNone(row.floorRatio, row.openai), row.id).toBe(true);
      if (row.http !== null)
        expect(Number.isFinite(row.http) && finiteOrNone(row.transportRatio, row.http), row.id).toBe(true);
      if (row.target !== null || row.transportTarget !== null || row.limit !== null)
        expect(["PASS", "MISS"]).toContain(row.status);
    }
    // The transport floor stands beside every request row.
    for (const id of [
      "chat.cpu",
      "stream.cpu",
      "completions.cpu",
      "upload.time",
      "speech.ttfb",
      "images.time",
    ])
      expect(results.rows.find((r) => r.id === id)?.http, id).not.toBeNull();
    expect(results.sseDecoder).toHaveLength(3);
    for (const s of results.sseDecoder)
      expect(Number.isFinite(s.cpuUsPerChunk) && Number.isFinite(s.ratio), s.decoder).toBe(true);
    expect(results.meta.node).toBe(process.versions.node);
    expect(results.meta.cores).toBeGreaterThan(0);
    expect(results.meta.machine.samples).toBeGreaterThan(0);

    const md = readFileSync(join(out, "results.md"), "utf8");
    for (const row of results.rows) expect(md).toContain(row.metric);
    expect(md).toContain("Noise:");
    const svg = readFileSync(join(out, "chart.svg"), "utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
  });
});

describe("stream-layers", () => {
  it("measures every layer on a small response and compares each with the floor", { timeout: 60_000 }, () => {
    const script = fileURLToPath(new URL("./src/stream-layers.ts", import.meta.url));
    const run = spawnSync(process.execPath, [script, "--events", "2000", "--reps", "1"], {
      encoding: "utf8",
      timeout: 55_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.split("\n").filter((line) => / ns \(\d+–\d+\), [\d.]+x$/.test(line));
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^ {2}transport floor: .*, 1\.00x$/);
    expect(lines[5]).toMatch(/ResponseStream/);
  });
});
