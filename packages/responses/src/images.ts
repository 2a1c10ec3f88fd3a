import { base64ToBytes } from "@aoai/core/internal";
import type { Response } from "./response-types.js";

/** The images the image_generation tool made, as bytes (PNG unless the tool asked otherwise). */
export function imagesOf(response: Pick<Response, "output">): Uint8Array[] {
  const images: Uint8Array[] = [];
  for (const item of response.output)
    if (item.type === "image_generation_call" && item.result) images.push(base64ToBytes(item.result));
  return images;
}
