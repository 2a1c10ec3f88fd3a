import { type WithResponse, withResponse } from "../response-info.js";
import type { Reader } from "../send.js";
import { ByteStream } from "./byte-stream.js";
import { ANY_BUT_PAGE, checkContentType } from "./content-types.js";

/** Bytes of a binary response (audio, an image, a file) with their content type. */
export interface BinaryResult {
  data: Uint8Array<ArrayBuffer>;
  /** The response's `content-type`; `application/octet-stream` when it has none (RFC 9110). */
  contentType: string;
}

/** Reads a whole binary body; a web page is refused. */
export const bytes: Reader<WithResponse<BinaryResult>> = {
  accept: "*/*",
  streams: true,
  async read(sent) {
    checkContentType(sent, ANY_BUT_PAGE);
    const stream = new ByteStream(sent);
    return withResponse({ data: await stream.bytes(), contentType: stream.contentType }, sent.info);
  },
};
