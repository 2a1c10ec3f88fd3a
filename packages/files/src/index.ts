export { FileClient } from "./file-client.js";
export { FileProcessingError } from "./file-processing-error.js";
export { type FetchPage, type Page, PagePromise } from "./page.js";
export { type PollDefaults, pollUntil, type WaitOptions } from "./poll.js";
export type { FileExpiresAfter, FileListQuery, FilePurpose, FileUploadRequest } from "./request-types.js";
export type { FileDeleted, FileObject, FileStatus } from "./response-types.js";
export { VERSION } from "./version.js";
export { WaitTimeoutError } from "./wait-timeout-error.js";
