import { bytesToBase64 } from "@aoai/core/internal";

/**
 * An image's bytes as a `data:` URL for an `image_url` content part; works in browsers and Node.
 *
 * @example { type: "image_url", image_url: { url: imageDataUrl(bytes, "image/png"), detail: "low" } }
 */
export function imageDataUrl(bytes: Uint8Array, mimeType: string): string {
  return `data:${mimeType};base64,${bytesToBase64(bytes)}`;
}
