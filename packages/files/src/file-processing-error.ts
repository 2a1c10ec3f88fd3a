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
    const name = `file ${file.id} (${file.filename})`;
    super(
      file.status === "error"
        ? `The service could not process ${name}${details ? `: ${details}` : ", and gave no reason."}`
        : `File ${file.id} (${file.filename}) ${file.status === "deleted" || file.status === "deleting" ? "was deleted before it was processed" : `ended as ${file.status}, not processed`}${details ? `: ${details}` : "."}`,
    );
    this.file = file;
    this.statusDetails = details;
  }
}
