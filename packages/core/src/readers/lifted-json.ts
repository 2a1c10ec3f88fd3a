import { type WithResponse, withResponse } from "../response-info.js";
import { json } from "./json.js";
import { liftStrings } from "./lift-strings.js";
import type { Reader } from "./reader.js";

/**
 * core's JSON reader, with `key`'s string values lifted out of the text ({@link liftStrings}) and
 * handed to `place`, which puts them back (decoded or as they are) into the parsed object and
 * returns it, or `undefined` when they are not all where it expects them: the whole text is then
 * parsed by the plain reader, so results and errors stay exactly what they would be. Browsers
 * get the plain reader (lifted-json.browser.ts).
 */
export function liftedJson<T extends object>(
  key: string,
  place: (value: unknown, strings: string[]) => T | undefined,
): Reader<WithResponse<T>> {
  const plain = json<T>();
  return {
    accept: plain.accept,
    streams: false,
    read(sent) {
      const lifted = liftStrings(sent.raw.bodyAsText ?? "", key);
      const value = lifted && place(lifted.value, lifted.strings);
      return value ? withResponse(value, sent.info) : plain.read(sent);
    },
  };
}
