import { type WithResponse, withResponse } from "../response-info.js";
import type { Reader } from "../send.js";
import { ANY_BUT_PAGE, checkContentType } from "./content-types.js";

/** A text body (`text/plain`, subtitles…) with its content type. */
export interface TextResult {
  text: string;
  contentType: string | undefined;
}

/**
 * Reads the body as text, whatever its type (`text/plain`, `text/vtt`, `application/x-subrip`…),
 * except a web page.
 */
export const text: Reader<WithResponse<TextResult>> = {
  accept: "text/plain, */*;q=0.5",
  streams: false,
  read(sent) {
    checkContentType(sent, ANY_BUT_PAGE);
    const { raw, info } = sent;
    return withResponse({ text: raw.bodyAsText ?? "", contentType: raw.headers.get("content-type") }, info);
  },
};
