import { describe, expect, it } from "vitest";
import { buildRows, type Runs } from "./rows.ts";
import type { UploadFigures } from "./scenarios/audio.ts";

const upload = (extraRssMb: number): UploadFigures => ({
  timeMs: 10,
  cpuMsPerUpload: 5,
  peakRssMb: 80,
  extraRssMb,
  fileMb: 1,
});

function runsWithUpload(extra: { aoai: number[]; openai: number[]; http: number[] }): Runs {
  return {
    chat: {},
    load: {},
    stream: {},
    completions: {},
    responses: {},
    "responses-stream": {},
    index: {},
    embed: {},
    upload: {
      aoai: extra.aoai.map(upload),
      openai: extra.openai.map(upload),
      http: extra.http.map(upload),
    },
    speech: {},
    images: {},
    sse: {},
    coldImport: {},
    coldStart: {},
    bundles: [],
  };
}

const counts = { streamChunks: 1, embedInputs: 1, uploadMb: 1, speechMb: 1, images: "1", indexFiles: 1000 };
const extraRow = (runs: Runs) => buildRows(runs, counts).find((r) => r.id === "upload.extra")!;

describe("bench rows", () => {
  it("gives no ratio to a figure of 0, and judges the row by what it can", () => {
    // A small upload can leave RSS where it was for one client and not the other.
    const row = extraRow(runsWithUpload({ aoai: [0.4, 0.2, 0.3], openai: [0, 0, 0], http: [0, 0.1, 0] }));
    expect(row.ratio).toBeNull();
    expect(row.ratioSpread).toBeNull();
    expect(row.transportRatio).toBeNull();
    // Only the repetition whose floor moved gives a paired ratio.
    expect(row.transportRatioSpread).toEqual([2, 2]);
    expect(row.status).toBe("PASS");
  });

  it("keeps ratios of figures above 0", () => {
    const row = extraRow(runsWithUpload({ aoai: [2, 3, 4], openai: [4, 4, 4], http: [1, 2, 2] }));
    expect(row.ratio).toBe(0.75);
    expect(row.ratioSpread).toEqual([0.5, 1]);
    expect(row.transportRatio).toBe(1.5);
    expect(row.status).toBe("MISS");
  });
});
