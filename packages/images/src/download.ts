import type { RequestOptions } from "@aoai/core";
import { accepting, invalid, type Reader, send } from "@aoai/core/internal";
import type { ImageClient } from "./image-client.js";
import type { GeneratedImage } from "./response-types.js";
import { VERSION } from "./version.js";

/** Options of `imageBytes` and `saveImage`: core's per-call options, for the download. */
export type ImageBytesOptions = RequestOptions;

const USER_AGENT = `aoai-images/${VERSION}`;
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
  images: ImageClient,
  image: GeneratedImage,
  reader: Reader<T>,
  options: RequestOptions | undefined,
): Promise<T> {
  const url = image?.url;
  if (typeof url !== "string" || !/^https?:\/\//i.test(url))
    invalid("image", "has neither b64_json nor an http(s) url.");
  return send(
    images.client,
    { path: "image url", url, method: "GET", userAgent: USER_AGENT, options },
    accepting(reader, IMAGE_TYPES),
  );
}
