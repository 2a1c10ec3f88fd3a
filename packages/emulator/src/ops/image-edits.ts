import { invalidRequest } from "../errors.js";
import { createdFrom, sha256Hex } from "../hash.js";
import type { ImageStore } from "../image-store.js";
import { jpegSize } from "../jpeg.js";
import { pngSize } from "../png.js";
import type { Reply } from "../reply.js";
import { readImageOptions } from "./image-options.js";
import { imageData } from "./image-output.js";
import type { OpRequest, UploadedFile } from "./types.js";

// Input tokens counted per image sent (a deterministic stand-in for the service's tile count).
const TOKENS_PER_INPUT_IMAGE = 323;

const isPng = (data: Buffer): boolean => pngSize(data) !== undefined;
const isWebp = (data: Buffer): boolean =>
  data.toString("ascii", 0, 4) === "RIFF" && data.toString("ascii", 8, 12) === "WEBP";

/**
 * `images/edits` (multipart): one image as `image`, several as `image[]`, an optional `mask` that
 * must be a PNG the size of the first image. Answers as generations do (GPT image deployments:
 * `b64_json` and `usage`); the picture is drawn from the prompt and the files, deterministically.
 * `size: auto` (or none) follows the first image's shape.
 */
export function imageEdits(req: OpRequest, store: ImageStore): Reply {
  const options = readImageOptions(req);
  const images = Object.entries(req.files)
    .filter(([name]) => /^image(\[\])?(#\d+)?$/.test(name))
    .map(([, file]) => file);
  if (images.length === 0)
    throw invalidRequest("'image' is a required property", "image", "missing_required_parameter");
  images.forEach((file, i) => {
    if (file.data.length === 0 || !(isPng(file.data) || jpegSize(file.data) || isWebp(file.data)))
      throw invalidRequest(
        `Invalid image file ${i}: the image must be a PNG, JPEG or WebP file.`,
        "image",
        "invalid_image_format",
      );
  });
  const first = pngSize(images[0]!.data) ?? jpegSize(images[0]!.data);
  const mask = req.files.mask;
  if (mask) checkMask(mask, first);
  const seed = sha256Hex(
    [options.prompt, ...images.map((f) => sha256Hex(f.data)), mask ? sha256Hex(mask.data) : ""].join("\n"),
  );
  const size = options.size ?? autoSize(first);
  const { data, usage } = imageData(
    options,
    size,
    seed,
    seed,
    store,
    req.baseUrl,
    images.length * TOKENS_PER_INPUT_IMAGE,
  );
  return {
    kind: "json",
    status: 200,
    body: { created: createdFrom(seed), data, ...(usage && { usage }) },
  };
}

function checkMask(mask: UploadedFile, image: { width: number; height: number } | undefined): void {
  const size = pngSize(mask.data);
  if (!size)
    throw invalidRequest("Invalid mask file: the mask must be a PNG image.", "mask", "invalid_image_format");
  if (image && (size.width !== image.width || size.height !== image.height))
    throw invalidRequest(
      `Invalid mask file: the mask (${size.width}x${size.height}) must be the size of the image (${image.width}x${image.height}).`,
      "mask",
      "invalid_image_dimensions",
    );
}

/** gpt-image-1's `auto`: square, landscape or portrait after the input's shape. */
function autoSize(image: { width: number; height: number } | undefined): [number, number] {
  if (!image || Math.abs(image.width - image.height) <= Math.min(image.width, image.height) / 10)
    return [1024, 1024];
  return image.width > image.height ? [1536, 1024] : [1024, 1536];
}
