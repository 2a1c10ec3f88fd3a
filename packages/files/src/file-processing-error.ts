import { AOAIError } from "@aoai/core";
import type { FileObject } from "./response-types.js";

/** The service could not process an uploaded file (`status: "error"`), or the file was deleted. */
export class FileProcessingError extends AOAIError {
  static override readonly kind: string = "FileProcessingError";
  readonly file: FileObject;
  /** The service's reason (`status_details`). */
  readonly statusDetails: string | undefined;

  constructor(file: FileObject) {
    const details = file.status_details ?? undefined;
    super(`File ${file.id} (${file.filename}) is ${file.status}${details ? `: ${details}` : "."}`);
    this.file = file;
    this.statusDetails = details;
  }
}
