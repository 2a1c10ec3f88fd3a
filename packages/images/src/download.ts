import type { RequestOptions } from "@aoai/core";
import { accepting, call, invalid, type Reader } from "@aoai/core/internal";
import { images } from "./feature.js";
import type { ImageClient } from "./image-client.js";
import type { GeneratedImage } from "./response-types.js";

/** Options of `imageBytes` and `saveImage`: core's per-call options, for the download. */
export type ImageBytesOptions = RequestOptions;

// Storage serves the file's type; a blob stored without one comes back as octet-stream.
const IMAGE_TYPES = ["image/*", "application/octet-stream"];

/**
 * Downloads an image's `url` through the client's pipeline: its timeout, `streamIdleTimeout`,
 * retries, logging and proxy apply. The URL is a temporary link on a storage host, another
 * origin, so neither the credential nor the client's headers are sent there (core's origin
 * guard), and log lines show its signature redacted. A status outside 2xx throws core's typed
 * `APIError` (with `body`), a body that is not an image (a sign-in page) `InvalidResponseError`.
 */
export function download<T>(
  client: ImageClient,
  image: GeneratedImage,
  reader: Reader<T>,
  options: RequestOptions | undefined,
): Promise<T> {
  const url = image?.url;
  if (typeof url !== "string" || !/^https?:\/\//i.test(url))
    invalid("image", "has neither b64_json nor an http(s) url.");
  // "image url" names the download in errors; no versions-table row has it, so it is unchecked.
  return call(images, client, "image url", { method: "GET", url }, options, accepting(reader, IMAGE_TYPES));
}
