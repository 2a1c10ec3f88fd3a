import { AOAIError } from "@aoai/core";
import type { FileObject } from "./response-types.js";

/** The service could not process an uploaded file (`status: "error"`), or the file was deleted. */
export class FileFailedError extends AOAIError {
  static override readonly kind: string = "FileFailedError";
  readonly file: FileObject;
  /** The service's reason (`status_details`). */
  readonly statusDetails: string | undefined;

  constructor(file: FileObject) {
    const details = file.status_details ?? undefined;
    const status = file.status;
    super(
      `File ${file.id} (${file.filename}) ${status === "error" ? "could not be processed" : status === "deleted" || status === "deleting" ? "was deleted before it was processed" : `ended as ${status}, not processed`}${details ? `: ${details}` : "."}`,
    );
    this.file = file;
    this.statusDetails = details;
  }
}
