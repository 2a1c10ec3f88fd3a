import { safeImagePromptResults, safeImageResults } from "../content-filter.js";
import { fnv1a, idFrom, prng } from "../hash.js";
import type { ImageStore } from "../image-store.js";
import { encodeJpeg } from "../jpeg.js";
import { encodePng } from "../png.js";
import { countTokens } from "../text.js";
import type { ImageOptions } from "./image-options.js";

// Images are drawn at 1/16 of the requested size: real, decodable files that stay tiny.
const SCALE = 16;

// gpt-image-1's output tokens per image by quality, for a square and for a 3:2 image.
const OUTPUT_TOKENS: Record<string, [number, number]> = {
  low: [272, 408],
  medium: [1056, 1584],
  high: [4160, 6240],
};

/**
 * What the emulator answers for `n` images: `data` entries and, for GPT image models, `usage`.
 * `drawSeed` picks the picture (the same prompt draws the same image), `idSeed` the URL's id.
 */
export function imageData(
  options: ImageOptions,
  size: [number, number],
  drawSeed: string,
  idSeed: string,
  store: ImageStore,
  baseUrl: string,
  inputImageTokens = 0,
): { data: Record<string, unknown>[]; usage?: Record<string, unknown> } {
  const [w, h] = size;
  const data = Array.from({ length: options.n }, (_, i) => {
    const rgb = drawImage(`${drawSeed}#${i}`, Math.max(1, w / SCALE), Math.max(1, h / SCALE));
    const file =
      options.outputFormat === "jpeg"
        ? encodeJpeg(Math.max(1, w / SCALE), Math.max(1, h / SCALE), rgb)
        : encodePng(Math.max(1, w / SCALE), Math.max(1, h / SCALE), rgb);
    const image: Record<string, unknown> = {
      content_filter_results: safeImageResults(),
      prompt_filter_results: safeImagePromptResults(),
    };
    if (!options.gptImage) image.revised_prompt = `A detailed illustration of ${options.prompt.trim()}`;
    if (options.responseFormat === "b64_json") image.b64_json = file.toString("base64");
    else {
      const name = `${idFrom(`${idSeed}:${i}`, 24)}.${options.outputFormat === "jpeg" ? "jpg" : "png"}`;
      store.put(name, { bytes: file, contentType: `image/${options.outputFormat}` });
      image.url = `${baseUrl}/emulator/images/${name}`;
    }
    return image;
  });
  if (!options.gptImage) return { data };
  const text_tokens = countTokens(options.prompt);
  const perImage = OUTPUT_TOKENS[options.quality] ?? OUTPUT_TOKENS.medium!;
  const output_tokens = options.n * perImage[w === h ? 0 : 1];
  const input_tokens = text_tokens + inputImageTokens;
  return {
    data,
    usage: {
      total_tokens: input_tokens + output_tokens,
      input_tokens,
      output_tokens,
      input_tokens_details: { text_tokens, image_tokens: inputImageTokens },
    },
  };
}

/** A deterministic two-colour gradient with a diagonal band, chosen by `seed`: RGB bytes. */
function drawImage(seed: string, width: number, height: number): Uint8Array {
  const rand = prng(fnv1a(seed));
  const a = [rand() * 255, rand() * 255, rand() * 255];
  const b = [rand() * 255, rand() * 255, rand() * 255];
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = (x + y) / Math.max(1, width + height - 2);
      const band = Math.abs(x - y) < Math.max(1, width / 16) ? 0.5 : 1;
      const o = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) rgb[o + c] = Math.round((a[c]! * (1 - t) + b[c]! * t) * band);
    }
  }
  return rgb;
}
