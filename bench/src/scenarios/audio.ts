import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BenchClient } from "../clients/types.ts";
import type { BenchConfig } from "../config.ts";
import { cpuSinceUs, peakRssMb, timedRuns, windowStart, windowStop } from "../measure.ts";
import { median } from "../stats.ts";

export interface UploadFigures {
  timeMs: number;
  cpuMsPerUpload: number;
  peakRssMb: number;
  /** Peak RSS above the RSS before the measured uploads: what the upload itself held. */
  extraRssMb: number;
  fileMb: number;
}

export interface SpeechFigures {
  firstByteMs: number;
  /** Request to the last byte written to the file. */
  fileMs: number;
  cpuMsPerDownload: number;
  peakRssMb: number;
  /** Peak RSS above the RSS before the measured downloads. */
  extraRssMb: number;
  audioMb: number;
}

const MB = 2 ** 20;
const rssMb = () => process.memoryUsage.rss() / MB;

/** An mp3-looking file of `bytes` (ID3 header, then filler) at `path`. */
export function writeAudioFile(path: string, bytes: number): void {
  const data = Buffer.alloc(bytes, 0x55);
  data.write("ID3", 0, "latin1");
  writeFileSync(path, data);
}

/**
 * Transcription uploads of `path` (a file on disk, `megabytes` big), each client the way its docs
 * say (@aoai: the path; openai: `fs.createReadStream`). Warm-ups upload a 64 KiB file, so the
 * RSS before the measured uploads holds the loaded code but no big upload.
 */
export async function measureUpload(
  client: BenchClient,
  cfg: BenchConfig["upload"],
  path: string,
): Promise<UploadFigures> {
  const size = statSync(path).size;
  const dir = mkdtempSync(join(tmpdir(), "aoai-bench-upload-"));
  try {
    const small = join(dir, "warm.mp3");
    writeAudioFile(small, 64 * 1024);
    for (let i = 0; i < cfg.warmups; i++) check(await client.transcribe(small), 64 * 1024);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const before = rssMb();
  const { times, cpuUs } = await timedRuns(cfg, async () => {
    check(await client.transcribe(path), size);
  });
  const peak = peakRssMb();
  return {
    timeMs: median(times),
    cpuMsPerUpload: cpuUs / 1000 / times.length,
    peakRssMb: peak,
    extraRssMb: Math.max(0, peak - before),
    fileMb: size / MB,
  };
}

/** The bench front answers `received <n> bytes`: the file must have been sent whole. */
function check(text: string, size: number): void {
  const n = Number(/received (\d+) bytes/.exec(text)?.[1]);
  if (!(n > size)) throw new Error(`the upload sent ${n} bytes for a ${size}-byte file: ${text}`);
}

/**
 * Speech of `megabytes`: time to the first body byte (the body read and dropped), then the same
 * speech streamed into a file (@aoai: `speechToFile`; openai and fetch: `pipeline` from the web
 * body into `fs.createWriteStream`), timed and its CPU counted.
 */
export async function measureSpeech(client: BenchClient, cfg: BenchConfig["speech"]): Promise<SpeechFigures> {
  const expected = Math.round(cfg.megabytes * MB);
  const dir = mkdtempSync(join(tmpdir(), "aoai-bench-speech-"));
  const file = join(dir, "speech.mp3");
  try {
    for (let i = 0; i < cfg.warmups; i++) {
      if ((await client.speech(() => {})) !== expected) throw new Error("speech came back short");
      if ((await client.speechToFile(file)) !== expected) throw new Error("speech file came back short");
    }
    const before = rssMb();
    const firstBytes: number[] = [];
    const fileTimes: number[] = [];
    let cpuUs = 0;
    windowStart();
    const t0 = performance.now();
    for (let i = 0; i < cfg.requests && (i === 0 || performance.now() - t0 < cfg.maxMs); i++) {
      const s = performance.now();
      let first = Number.NaN;
      await client.speech(() => (first = performance.now() - s));
      firstBytes.push(first);
      const cpu0 = process.cpuUsage();
      const f = performance.now();
      const bytes = await client.speechToFile(file);
      fileTimes.push(performance.now() - f);
      cpuUs += cpuSinceUs(cpu0);
      if (bytes !== expected || statSync(file).size !== expected)
        throw new Error(`speech file has ${bytes} bytes, expected ${expected}`);
    }
    windowStop();
    const peak = peakRssMb();
    return {
      firstByteMs: median(firstBytes),
      fileMs: median(fileTimes),
      cpuMsPerDownload: cpuUs / 1000 / fileTimes.length,
      peakRssMb: peak,
      extraRssMb: Math.max(0, peak - before),
      audioMb: expected / MB,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
