import { base64ToBytes, checkSavePath, saveToFile } from "@aoai/core/internal";
import { download, downloadError, type ImageBytesOptions } from "./download.js";
import type { GeneratedImage } from "./response-types.js";

/**
 * Writes a generated image to a file (Node only) and returns the bytes written: a `b64_json`
 * image decoded, a `url` one streamed to the file as it downloads (no credential is sent there).
 * A failure midway removes the partial file.
 *
 * @example
 * await saveImage(result.data[0], "rabbit.png");
 */
export async function saveImage(
  image: GeneratedImage,
  path: string,
  options: ImageBytesOptions = {},
): Promise<number> {
  // Before downloading: a file that cannot be created is said so, not found midway as ENOENT.
  await checkSavePath(path);
  if (typeof image?.b64_json === "string") return saveToFile(base64ToBytes(image.b64_json), path);
  const { signal } = options;
  const response = await download(image, signal);
  try {
    return await saveToFile(chunks(response.body, signal), path);
  } finally {
    // Frees the connection when the file could not be written (a no-op once the body is read).
    await response.body?.cancel().catch(() => {});
  }
}

/** The body's chunks; a broken or aborted download becomes this SDK's error (file errors pass as they are). */
async function* chunks(
  body: ReadableStream<Uint8Array> | null,
  signal: AbortSignal | undefined,
): AsyncGenerator<Uint8Array> {
  if (!body) return;
  const reader = body.getReader();
  try {
    for (let r = await reader.read(); !r.done; r = await reader.read()) yield r.value;
  } catch (error) {
    throw downloadError(error, signal);
  } finally {
    reader.releaseLock();
  }
}
