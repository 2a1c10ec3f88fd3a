import { type WithResponse, withResponse } from "../response-info.js";
import { ByteStream } from "./byte-stream.js";
import type { Reader } from "./reader.js";

/** Bytes of a binary response (audio, an image, a file) with their content type. */
export interface BinaryResult {
  data: Uint8Array;
  contentType: string | undefined;
}

/** Reads a whole binary body. */
export const bytes: Reader<WithResponse<BinaryResult>> = {
  accept: "*/*",
  streams: true,
  async read(sent) {
    const stream = new ByteStream(sent);
    return withResponse({ data: await stream.bytes(), contentType: stream.contentType }, sent.info);
  },
};
