import { safeImagePromptResults, safeImageResults } from "../content-filter.js";
import { invalidRequest } from "../errors.js";
import { createdFrom, fnv1a, idFrom, prng } from "../hash.js";
import type { ImageStore } from "../image-store.js";
import { encodePng } from "../png.js";
import type { Reply } from "../reply.js";
import { checkInteger } from "./chat-validate.js";
import type { OpRequest } from "./types.js";

const SIZES = new Set([
  "256x256",
  "512x512",
  "1024x1024",
  "1792x1024",
  "1024x1792",
  "1536x1024",
  "1024x1536",
]);

// Images are drawn at 1/16 of the requested size: real, decodable PNGs that stay tiny.
const SCALE = 16;

/** `images/generations`: small real PNGs, as `url` (served by the emulator) or `b64_json`. */
export function imageGenerations(req: OpRequest, store: ImageStore): Reply {
  const prompt = req.body.prompt;
  if (prompt === undefined || prompt === null)
    throw invalidRequest("'prompt' is a required property", "prompt", "missing_required_parameter");
  if (typeof prompt !== "string" || prompt.trim() === "")
    throw invalidRequest("'prompt' must be a non-empty string", "prompt", "invalid_value");
  checkInteger(req.body, "n", 1, 10);
  const size = (req.body.size as string | undefined) ?? "1024x1024";
  if (!SIZES.has(size))
    throw invalidRequest(`'size' must be one of ${[...SIZES].join(", ")}`, "size", "invalid_value");
  const format = (req.body.response_format as string | undefined) ?? "url";
  if (format !== "url" && format !== "b64_json")
    throw invalidRequest(
      "'response_format' must be one of 'url', 'b64_json'",
      "response_format",
      "invalid_value",
    );
  const [w, h] = size.split("x").map(Number) as [number, number];
  const n = (req.body.n as number | undefined) ?? 1;
  const data = Array.from({ length: n }, (_, i) => {
    const png = drawImage(`${prompt}#${i}`, Math.max(1, w / SCALE), Math.max(1, h / SCALE));
    const image: Record<string, unknown> = {
      content_filter_results: safeImageResults(),
      prompt_filter_results: safeImagePromptResults(),
      revised_prompt: `A detailed illustration of ${prompt.trim()}`,
    };
    if (format === "b64_json") image.b64_json = png.toString("base64");
    else {
      const id = idFrom(`${req.seed}:${i}`, 24);
      store.put(id, png);
      image.url = `${req.baseUrl}/emulator/images/${id}.png`;
    }
    return image;
  });
  return { kind: "json", status: 200, body: { created: createdFrom(req.seed), data } };
}

/** A deterministic two-colour gradient with a diagonal band, chosen by the prompt. */
function drawImage(prompt: string, width: number, height: number): Buffer {
  const rand = prng(fnv1a(prompt));
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
  return encodePng(width, height, rgb);
}
