import type { BenchClient } from "../clients/types.ts";
import type { BenchConfig } from "../config.ts";
import { cpuSinceUs, peakRssMb, windowStart, windowStop } from "../measure.ts";
import { median } from "../stats.ts";

export interface ImagesFigures {
  timeMs: number;
  cpuMsPerRequest: number;
  peakRssMb: number;
  /** Decoded bytes per request. */
  imageMb: number;
}

const PNG = [0x89, 0x50, 0x4e, 0x47];

/** `n` generated images as `b64_json`, decoded to bytes (each checked to be a PNG). */
export async function measureImages(client: BenchClient, cfg: BenchConfig["images"]): Promise<ImagesFigures> {
  const once = async () => {
    const images = await client.images(cfg.n, cfg.size);
    if (images.length !== cfg.n) throw new Error(`got ${images.length} images for n=${cfg.n}`);
    let bytes = 0;
    for (const image of images) {
      if (!PNG.every((b, i) => image[i] === b)) throw new Error("an image is not a PNG");
      bytes += image.byteLength;
    }
    return bytes;
  };
  for (let i = 0; i < cfg.warmups; i++) await once();
  const times: number[] = [];
  let bytes = 0;
  windowStart();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < cfg.requests && (i === 0 || performance.now() - t0 < cfg.maxMs); i++) {
    const s = performance.now();
    bytes = await once();
    times.push(performance.now() - s);
  }
  const cpuUs = cpuSinceUs(cpu0);
  windowStop();
  return {
    timeMs: median(times),
    cpuMsPerRequest: cpuUs / 1000 / times.length,
    peakRssMb: peakRssMb(),
    imageMb: bytes / 2 ** 20,
  };
}
