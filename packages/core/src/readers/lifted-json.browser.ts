import type { WithResponse } from "../response-info.js";
import { json } from "./json.js";
import type { Reader } from "./reader.js";

/** Browsers: the plain JSON reader, so bundles carry no text-lifting parser (lifted-json.ts). */
export function liftedJson<T extends object>(
  _key: string,
  _place: (value: unknown, strings: string[]) => T | undefined,
): Reader<WithResponse<T>> {
  return json<T>();
}
