import type { ByteStream } from "../readers/byte-stream.js";
import { type WithResponse, withResponse } from "../response-info.js";
import { saveToFile } from "./save-file.js";

/** What a `save<Thing>` call wrote (`saveSpeech`, `saveImage`). */
export interface SavedFile {
  /** The path written, as given. */
  path: string;
  /** Bytes written. */
  bytes: number;
  /** The body's `content-type`, e.g. `audio/mpeg`. */
  contentType: string;
}

/**
 * Writes a download to `path` as it arrives (`saveToFile`) and returns what it wrote, with the
 * exchange's `_response`. A file that cannot be written leaves the body unread: the download is
 * aborted, which releases the connection.
 */
export async function saveStream(stream: ByteStream, path: string): Promise<WithResponse<SavedFile>> {
  let bytes: number;
  try {
    bytes = await saveToFile(stream, path);
  } catch (error) {
    stream.abort();
    throw error;
  }
  return withResponse({ path, bytes, contentType: stream.contentType }, stream._response);
}
