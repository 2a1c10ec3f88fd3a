import type { ResponseInfo, SavedFile } from "@aoai/core";
import { base64ToBytes, byteStream, checkSavePath, saveStream, saveToFile } from "@aoai/core/internal";
import { download, type ImageBytesOptions } from "./download.js";
import type { ImageClient } from "./image-client.js";
import type { GeneratedImage } from "./response-types.js";

/**
 * What {@link saveImage} wrote, the shape of audio's `saveSpeech` result. `contentType` is the
 * download's for a `url` image; for a `b64_json` one, the format its bytes begin with
 * (`image/png`, `image/jpeg`, `image/webp`), else `application/octet-stream`. `_response` is the
 * download's, `undefined` for a `b64_json` image (no request).
 */
export type SavedImage = SavedFile & { readonly _response: ResponseInfo | undefined };

/**
 * Writes a generated image to a file (Node only) and returns what it wrote (path, bytes, type):
 * a `b64_json` image decoded, a `url` one streamed to the file as it downloads, through `images`'
 * client (its timeouts and retries; no credential is sent there). The bytes are written beside
 * `path` and renamed over it once complete: a failure leaves `path` as it was. A symlink's target
 * is replaced and the link kept; a relative path is taken from the current directory.
 *
 * @example
 * const { bytes } = await saveImage(images, result.data[0], "rabbit.png");
 */
export async function saveImage(
  images: ImageClient,
  image: GeneratedImage,
  path: string,
  options?: ImageBytesOptions,
): Promise<SavedImage> {
  // Before downloading: a file that cannot be created is said so, not found midway as ENOENT.
  await checkSavePath(path);
  if (typeof image?.b64_json === "string") {
    const data = base64ToBytes(image.b64_json);
    const saved = { path, bytes: await saveToFile(data, path), contentType: imageType(data) };
    // Not enumerable, as a result's `_response` is.
    return Object.defineProperty(saved, "_response", { value: undefined }) as SavedImage;
  }
  return saveStream(await download(images, image, byteStream, options), path);
}

/** The type of an image by its first bytes: the formats the image models return. */
function imageType(data: Uint8Array): string {
  const at = (offset: number, text: string) =>
    [...text].every((c, i) => data[offset + i] === c.charCodeAt(0));
  if (at(1, "PNG")) return "image/png";
  if (data[0] === 0xff && data[1] === 0xd8) return "image/jpeg";
  if (at(0, "RIFF") && at(8, "WEBP")) return "image/webp";
  return "application/octet-stream";
}
