import { base64ToBytes, byteStream, checkSavePath, saveToFile } from "@aoai/core/internal";
import { download, type ImageBytesOptions } from "./download.js";
import type { ImageClient } from "./image-client.js";
import type { GeneratedImage } from "./response-types.js";

/**
 * Writes a generated image to a file (Node only) and returns the bytes written: a `b64_json`
 * image decoded, a `url` one streamed to the file as it downloads, through `images`' client (its
 * timeouts and retries; no credential is sent there). The bytes are written beside `path` and
 * renamed over it once complete: a failure leaves `path` as it was. A symlink's target is
 * replaced and the link kept; a relative path is taken from the current directory.
 *
 * @example
 * await saveImage(images, result.data[0], "rabbit.png");
 */
export async function saveImage(
  images: ImageClient,
  image: GeneratedImage,
  path: string,
  options?: ImageBytesOptions,
): Promise<number> {
  // Before downloading: a file that cannot be created is said so, not found midway as ENOENT.
  await checkSavePath(path);
  if (typeof image?.b64_json === "string") return saveToFile(base64ToBytes(image.b64_json), path);
  const stream = await download(images, image, byteStream, options);
  try {
    return await saveToFile(stream, path);
  } catch (error) {
    // A file that cannot be written leaves the body unread: release the connection.
    stream.abort();
    throw error;
  }
}
