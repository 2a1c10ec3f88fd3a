import { base64ToBytes, bytes } from "@aoai/core/internal";
import { download, type ImageBytesOptions } from "./download.js";
import type { ImageClient } from "./image-client.js";
import type { GeneratedImage } from "./response-types.js";

/**
 * The bytes of a generated image, for either `response_format`: a `b64_json` image is decoded
 * (Node's `Buffer`, else `Uint8Array.fromBase64`, else `atob`: no per-byte JavaScript on Node or
 * current browsers), a `url` one is downloaded through `images`' client (its timeouts, retries
 * and logging) without its credential or headers, which never go to another origin.
 *
 * @example
 * const bytes = await imageBytes(images, result.data[0], { signal });
 * img.src = URL.createObjectURL(new Blob([bytes], { type: "image/png" }));
 */
export async function imageBytes(
  images: ImageClient,
  image: GeneratedImage,
  options?: ImageBytesOptions,
): Promise<Uint8Array<ArrayBuffer>> {
  if (typeof image?.b64_json === "string") return base64ToBytes(image.b64_json);
  const { data } = await download(images, image, bytes, options);
  // A plain array that owns its buffer, as for b64_json (Node hands over a Buffer, maybe a view).
  return data.constructor === Uint8Array && data.byteLength === data.buffer.byteLength
    ? (data as Uint8Array<ArrayBuffer>)
    : new Uint8Array(data);
}
