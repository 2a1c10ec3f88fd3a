/**
 * An image's bytes as a `data:` URL for an `image_url` content part. Encodes with `btoa`, so it
 * works in browsers and Node alike (no `Buffer`).
 *
 * @example { type: "image_url", image_url: { url: imageDataUrl(bytes, "image/png"), detail: "low" } }
 */
export function imageDataUrl(bytes: Uint8Array, mimeType: string): string {
  let binary = "";
  // Chunks keep fromCharCode's argument count well under engines' limits.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]);
  }
  return `data:${mimeType};base64,${btoa(binary)}`;
}
