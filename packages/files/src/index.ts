export {
  type FetchPage,
  FileProcessingError,
  type Page,
  PagePromise,
  type PollDefaults,
  pollUntil,
  type WaitOptions,
  WaitTimeoutError,
} from "./deprecated.js";
export { FileClient } from "./file-client.js";
export { FileFailedError } from "./file-failed-error.js";
export type { FileExpiresAfter, FileListQuery, FilePurpose, FileUploadRequest } from "./request-types.js";
export type { FileDeleted, FileObject, FileStatus } from "./response-types.js";
export { VERSION } from "./version.js";
