import type { BenchClient } from "../clients/types.ts";
import type { BenchConfig } from "../config.ts";
import { peakRssMb, timedRuns } from "../measure.ts";
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
  let bytes = 0;
  const { times, cpuUs } = await timedRuns(cfg, async () => {
    bytes = await once();
  });
  return {
    timeMs: median(times),
    cpuMsPerRequest: cpuUs / 1000 / times.length,
    peakRssMb: peakRssMb(),
    imageMb: bytes / 2 ** 20,
  };
}
