import type { ImagesResponse } from "./response-types.js";

/**
 * Puts each `b64_json` that core's `liftedJson` lifted out of the text back into its image (a
 * slice of the text, not a copy): `JSON.parse` would scan and copy every megabyte of base64.
 * `undefined` when one is not where an image's would be: the whole text is then parsed.
 */
export function placeImages(parsed: unknown, strings: string[]): ImagesResponse | undefined {
  const data = (parsed as ImagesResponse | undefined)?.data;
  if (!Array.isArray(data)) return undefined;
  let used = 0;
  for (const image of data) if (image?.b64_json === `#${used}`) image.b64_json = strings[used++];
  return used === strings.length ? (parsed as ImagesResponse) : undefined;
}
