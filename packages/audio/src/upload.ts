import { MultipartForm } from "@aoai/core/internal";
import { MAX_FILE_BYTES } from "./check-transcription.js";

/**
 * A transcription or translation as multipart/form-data. The caller's object becomes the form as
 * it is: every field is sent, unknown ones included; a stream `file` is sent once and never retried.
 */
export function audioForm(request: object): MultipartForm {
  return new MultipartForm(request as Record<string, unknown>, { file: { maxBytes: MAX_FILE_BYTES } });
}
