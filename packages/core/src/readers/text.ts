import { type WithResponse, withResponse } from "../response-info.js";
import type { Reader } from "./reader.js";

/** A text body (`text/plain`, subtitles…) with its content type. */
export interface TextResult {
  text: string;
  contentType: string | undefined;
}

/** Reads the body as text, whatever its type (`text/plain`, `text/vtt`, `application/x-subrip`…). */
export const text: Reader<WithResponse<TextResult>> = {
  accept: "text/plain, */*;q=0.5",
  streams: false,
  read: ({ raw, info }) =>
    withResponse({ text: raw.bodyAsText ?? "", contentType: raw.headers.get("content-type") }, info),
};
