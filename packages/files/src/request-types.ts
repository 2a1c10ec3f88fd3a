import type { Uploadable } from "@aoai/core";

/**
 * What a file is for. `batch` input for global batch, `fine-tune` training and validation data,
 * `assistants`, `vision`, `user_data` and `evals` files; the service names its own output files
 * `batch_output`, `fine-tune-results`, `assistants_output` and `evals_output`.
 */
export type FilePurpose =
  | "batch"
  | "fine-tune"
  | "assistants"
  | "vision"
  | "user_data"
  | "evals"
  | "batch_output"
  | "fine-tune-results"
  | "assistants_output"
  | "evals_output"
  | (string & {});

/** When an uploaded file expires, counted from its creation. */
export interface FileExpiresAfter {
  anchor: "created_at";
  /** Seconds after `anchor`: from 1209600 (14 days) to 2592000 (30 days). */
  seconds: number;
}

/** `POST /files` (multipart). */
export interface FileUploadRequest {
  /**
   * The file: a `File` or `Blob`, bytes, a web `ReadableStream`, and in Node a path or a readable
   * stream. Its name is sent as the file name (bytes get one from their content, e.g. `file.jsonl`).
   */
  file: Uploadable;
  purpose: FilePurpose;
  /**
   * Azure's expiry of the file; sent as the `expires_after.anchor` and `expires_after.seconds`
   * form fields. Newer API versions only (not the GA versions).
   */
  expires_after?: FileExpiresAfter;
  /** Other form fields are sent as they are. */
  [field: string]: unknown;
}

/** Query of `GET /files`: a filter and the page wanted. */
export interface FileListQuery {
  /** Only files with this purpose. */
  purpose?: FilePurpose;
  /** Files per page, 1 to 10000. @default 10000 (the service's) */
  limit?: number;
  /** The id of the last file of the previous page. */
  after?: string;
  /** By `created_at`. @default "desc" (the service's) */
  order?: "asc" | "desc";
}
