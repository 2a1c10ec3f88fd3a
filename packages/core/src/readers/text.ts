import { type WithResponse, withResponse } from "../response-info.js";
import type { Reader } from "../send.js";
import { UNTYPED } from "./byte-stream.js";
import { ANY_BUT_PAGE, checkContentType } from "./content-types.js";

/** A text body (`text/plain`, subtitles…) with its content type. */
export interface TextResult {
  text: string;
  /** The response's `content-type`; `application/octet-stream` when it has none (RFC 9110). */
  contentType: string;
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
    return withResponse(
      { text: raw.bodyAsText ?? "", contentType: raw.headers.get("content-type") ?? UNTYPED },
      info,
    );
  },
};
