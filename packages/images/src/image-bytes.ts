import { base64ToBytes } from "@aoai/core/internal";
import { download, downloadError, type ImageBytesOptions } from "./download.js";
import type { GeneratedImage } from "./response-types.js";

/**
 * The bytes of a generated image, for either `response_format`: a `b64_json` image is decoded
 * (Node's `Buffer`, else `Uint8Array.fromBase64`, else `atob`: no per-byte JavaScript on Node or
 * current browsers), a `url` one is downloaded with a plain `fetch` that carries no credential.
 *
 * @example
 * const bytes = await imageBytes(result.data[0], { signal });
 * img.src = URL.createObjectURL(new Blob([bytes], { type: "image/png" }));
 */
export async function imageBytes(
  image: GeneratedImage,
  options: ImageBytesOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  if (typeof image?.b64_json === "string") return base64ToBytes(image.b64_json);
  const { signal } = options;
  const response = await download(image, signal);
  try {
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw downloadError(error, signal);
  }
}
