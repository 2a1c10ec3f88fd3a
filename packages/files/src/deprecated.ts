// Names that moved to @aoai/core or were renamed: kept here for one minor release so that imports from
// @aoai/files go on working.
import * as core from "@aoai/core";
import * as kit from "@aoai/core/internal";
import { FileFailedError } from "./file-failed-error.js";

/** @deprecated Import `Page` from `@aoai/core`; this alias goes in the next minor release. */
export type Page<T> = core.Page<T>;
/** @deprecated Import `PagePromise` from `@aoai/core`; this alias goes in the next minor release. */
export type PagePromise<T> = core.PagePromise<T>;
/** @deprecated Import `PagePromise` from `@aoai/core`; this alias goes in the next minor release. */
export const PagePromise: typeof core.PagePromise = core.PagePromise;
/** @deprecated Import `WaitOptions` from `@aoai/core`; this alias goes in the next minor release. */
export type WaitOptions = core.WaitOptions;
/** @deprecated Import `WaitTimeoutError` from `@aoai/core`; this alias goes in the next minor release. */
export type WaitTimeoutError<T = unknown> = core.WaitTimeoutError<T>;
/** @deprecated Import `WaitTimeoutError` from `@aoai/core`; this alias goes in the next minor release. */
export const WaitTimeoutError: typeof core.WaitTimeoutError = core.WaitTimeoutError;
/** @deprecated A list's page fetcher; use `PagePromise` from `@aoai/core`. Goes in the next minor release. */
export type FetchPage<T> = kit.FetchPage<T>;
/** @deprecated Waits are made by each client's `waitFor…` method. Goes in the next minor release. */
export type PollDefaults = kit.PollDefaults;
/** @deprecated Waits are made by each client's `waitFor…` method. Goes in the next minor release. */
export const pollUntil: typeof kit.pollUntil = kit.pollUntil;
/** @deprecated Renamed `FileFailedError`, as batches' and fine-tuning's are; this alias goes in the next minor release. */
export type FileProcessingError = FileFailedError;
/** @deprecated Renamed `FileFailedError`, as batches' and fine-tuning's are; this alias goes in the next minor release. */
export const FileProcessingError: typeof FileFailedError = FileFailedError;
