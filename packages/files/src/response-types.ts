import type { FilePurpose } from "./request-types.js";

/**
 * A file's processing state. Azure answers an upload with `pending`; a batch or a fine-tuning job
 * can use the file once it is `processed`; `error` comes with `status_details`.
 */
export type FileStatus = "uploaded" | "pending" | "running" | "processed" | "error" | "deleting" | "deleted";

/** A file, as the service describes it. */
export interface FileObject {
  object: "file";
  id: string;
  purpose: FilePurpose;
  filename: string;
  /** Size in bytes (null while the service does not know it). */
  bytes: number | null;
  /** Unix seconds. */
  created_at: number;
  status: FileStatus;
  /** Why processing failed, when it did. */
  status_details?: string | null;
  /** Unix seconds, when the file expires (`expires_after`). */
  expires_at?: number | null;
}

/** The answer to `DELETE /files/{file_id}`. */
export interface FileDeleted {
  object: "file";
  id: string;
  deleted: boolean;
}
