import {
  AOAIError,
  APIUserAbortError,
  BadRequestError,
  InvalidInputError,
  type RequestOptions,
  RequestTooLargeError,
  UnprocessableEntityError,
  type Uploadable,
  type WithResponse,
} from "@aoai/core";
import { checkInteger, checkText, checkVersion, invalid } from "@aoai/core/internal";
import type { FileClient, FilePurpose } from "@aoai/files";
import { checkAttributes, checkChunking, MAX_BATCH_FILES } from "./check-request.js";
import { folderFiles } from "./folder-files.js";
import type { ChunkingStrategy, VectorStoreFileAttributes } from "./request-types.js";
import type { FileCounts, VectorStoreFileBatch } from "./response-types.js";
import type { FileBatchWaitOptions, VectorStoreClient } from "./vector-store-client.js";
import { versions } from "./versions.js";

/** What {@link uploadAndIndex} indexes, and how. */
export interface UploadAndIndexRequest {
  /**
   * A folder's path (Node; its files and sub-folders' files, listed as the upload goes), or files:
   * any `Uploadable` (a `File`, `Blob`, bytes, in Node a path or a readable stream), as a list or
   * an async iterable, taken one at a time as uploads free up.
   */
  files: string | Iterable<Uploadable> | AsyncIterable<Uploadable>;
  chunking_strategy?: ChunkingStrategy;
  /** Given to every file. The v1 API only. */
  attributes?: VectorStoreFileAttributes | null;
}

/** How {@link uploadAndIndex} goes: the wait's options apply to the wait for indexing. */
export interface UploadAndIndexOptions extends FileBatchWaitOptions {
  /** Uploads in flight at once, 1 to 64. @default 8 */
  concurrency?: number;
  /** Files per batch, 1 to 500 (the service's most). @default 500 */
  batchSize?: number;
  /** The uploads' purpose. @default "assistants" */
  purpose?: FilePurpose;
  /** For a folder: which files to index, by path. @default every file */
  include?: (path: string) => boolean;
  /** Called after each upload with the count uploaded so far and the count refused. */
  onUpload?: (uploaded: number, refused: number) => void;
}

/** A file that did not make it into the store, and why. */
export interface IndexFailure {
  /** The path, the `File`'s name, or `#n` (its place in the list, from 0). */
  name: string;
  /** The uploaded file's id, or `null` when the upload itself was refused. */
  file_id: string | null;
  /** `upload`: the files API refused it; `failed` / `cancelled`: the store did not index it. */
  status: "upload" | "failed" | "cancelled";
  message: string;
  /** The store's error code (`unsupported_file`, `invalid_file`…), or the refused upload's error. */
  code: string | null;
  /** The upload's error, when `status` is `upload`. */
  error?: unknown;
}

/** What {@link uploadAndIndex} did. */
export interface IndexResult {
  vector_store_id: string;
  /** The batches, as they ended (one per `batchSize` files). */
  batches: WithResponse<VectorStoreFileBatch>[];
  /** The batches' counts summed. */
  file_counts: FileCounts;
  /** Files uploaded (indexed or not). */
  uploaded: number;
  /** Every file not indexed: refused uploads, then files the store failed or cancelled. */
  failed: IndexFailure[];
}

/**
 * Uploads files (or a folder's files) with bounded concurrency through `@aoai/files`, adds them
 * to the store in file batches of up to 500 (each started as soon as it is full, while later
 * uploads go on), waits for them all, and says which files failed and why. Memory stays flat:
 * the folder is listed as the uploads go, at most `concurrency` files are read at once, and
 * only ids (and the failures) are kept. A refused upload (empty, too large, unreadable, a
 * `400`) is reported in `failed` and the rest go on; anything else (authentication, network,
 * `signal`) stops the uploads and throws. Files uploaded stay in the files API either way.
 */
export async function uploadAndIndex(
  stores: VectorStoreClient,
  files: FileClient,
  vectorStoreId: string,
  request: UploadAndIndexRequest,
  options: UploadAndIndexOptions = {},
): Promise<IndexResult> {
  const {
    concurrency = 8,
    batchSize = MAX_BATCH_FILES,
    purpose = "assistants",
    include = () => true,
    onUpload,
    ...wait
  } = options;
  checkText(vectorStoreId, "vectorStoreId");
  checkInteger(concurrency, "concurrency", 1, 64);
  checkInteger(batchSize, "batchSize", 1, MAX_BATCH_FILES);
  if (typeof request !== "object" || request === null || request.files == null)
    invalid("files", "must be a folder path or a list of files.");
  checkChunking(request.chunking_strategy);
  // What the batches would refuse is refused before the first upload.
  checkVersion(stores.client, "vector_stores", versions("vector_stores"));
  if (request.attributes != null) {
    checkVersion(stores.client, "attributes", versions("attributes"));
    checkAttributes(request.attributes);
  }
  const batchRequest = {
    ...(request.chunking_strategy && { chunking_strategy: request.chunking_strategy }),
    ...(request.attributes != null && { attributes: request.attributes }),
  };
  const source = sourceOf(request.files, include);

  const stop = new AbortController();
  const signal = wait.signal ? AbortSignal.any([wait.signal, stop.signal]) : stop.signal;
  const call: RequestOptions = {
    signal,
    ...(wait.headers && { headers: wait.headers }),
    ...(wait.timeout !== undefined && { timeout: wait.timeout }),
    ...(wait.maxRetries !== undefined && { maxRetries: wait.maxRetries }),
  };
  const failed: IndexFailure[] = [];
  const names = new Map<string, string>();
  const started: Promise<WithResponse<VectorStoreFileBatch>>[] = [];
  let group: string[] = [];
  let uploaded = 0;
  let seen = 0;
  let empty = true;
  const flush = () => {
    const ids = group;
    group = [];
    const batch = stores.createFileBatch(vectorStoreId, { file_ids: ids, ...batchRequest }, call);
    // Awaited below (its error thrown then); meanwhile it stops the uploads.
    batch.catch(() => stop.abort());
    started.push(batch);
  };

  const worker = async () => {
    for (;;) {
      const next = await source.next();
      if (next.done || signal.aborted) return;
      empty = false;
      const item = next.value;
      const name = nameOf(item, seen++);
      try {
        const file = await files.upload({ file: item, purpose }, call);
        names.set(file.id, name);
        uploaded++;
        group.push(file.id);
        if (group.length >= batchSize) flush();
      } catch (error) {
        if (!refused(error)) throw error;
        failed.push({
          name,
          file_id: null,
          status: "upload",
          message: messageOf(error),
          code: codeOf(error),
          error,
        });
      }
      onUpload?.(uploaded, failed.length);
    }
  };
  // The first error stops every worker at once: no upload starts after it.
  const results = await Promise.allSettled(
    Array.from({ length: concurrency }, () =>
      worker().catch((error: unknown) => {
        stop.abort();
        throw error;
      }),
    ),
  );
  const broken = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (broken || signal.aborted) await source.return?.(undefined);
  if (broken) throw broken.reason;
  if (wait.signal?.aborted) throw new APIUserAbortError();
  if (empty) invalid("files", "holds no file to index.");
  if (group.length > 0 && !signal.aborted) flush();

  const batches: WithResponse<VectorStoreFileBatch>[] = [];
  const counts: FileCounts = { in_progress: 0, completed: 0, failed: 0, cancelled: 0, total: 0 };
  const done = new Map<string, FileCounts>();
  for (const pending of started) {
    const batch = await pending;
    const ended = await stores.waitForFileBatch(vectorStoreId, batch.id, {
      ...wait,
      onProgress: wait.onProgress && ((c, b) => wait.onProgress!(sum([...done.values(), c]), b)),
    });
    done.set(batch.id, ended.file_counts);
    batches.push(ended);
  }
  Object.assign(counts, sum([...done.values()]));
  for (const batch of batches) {
    if (batch.file_counts.failed + batch.file_counts.cancelled === 0) continue;
    for (const status of ["failed", "cancelled"] as const)
      for await (const file of stores.listFileBatchFiles(
        vectorStoreId,
        batch.id,
        { filter: status, limit: 100 },
        call,
      ))
        failed.push({
          name: names.get(file.id) ?? file.id,
          file_id: file.id,
          status,
          message: file.last_error?.message ?? `The file was ${status}.`,
          code: file.last_error?.code ?? null,
        });
  }
  return { vector_store_id: vectorStoreId, batches, file_counts: counts, uploaded, failed };
}

function sum(all: FileCounts[]): FileCounts {
  const total: FileCounts = { in_progress: 0, completed: 0, failed: 0, cancelled: 0, total: 0 };
  for (const c of all) for (const key of Object.keys(total) as (keyof FileCounts)[]) total[key] += c[key];
  return total;
}

function sourceOf(
  files: UploadAndIndexRequest["files"],
  include: (path: string) => boolean,
): AsyncIterator<Uploadable, void, undefined> {
  if (typeof files === "string") return folderFiles(files, include);
  if (Symbol.asyncIterator in files) return (files as AsyncIterable<Uploadable>)[Symbol.asyncIterator]();
  if (Symbol.iterator in files)
    return (async function* () {
      yield* files as Iterable<Uploadable>;
    })();
  return invalid("files", "must be a folder path, a list or an async iterable of files.");
}

function nameOf(item: Uploadable, index: number): string {
  if (typeof item === "string") return item;
  const name = (item as { name?: unknown; path?: unknown }).name ?? (item as { path?: unknown }).path;
  return typeof name === "string" && name ? name : `#${index}`;
}

// What is wrong with one file rather than with the connection: report it, go on with the rest.
function refused(error: unknown): boolean {
  if (
    InvalidInputError.isInstance(error) ||
    BadRequestError.isInstance(error) ||
    RequestTooLargeError.isInstance(error) ||
    UnprocessableEntityError.isInstance(error)
  )
    return true;
  const code = (error as { code?: unknown } | null)?.code;
  return !AOAIError.isInstance(error) && ["ENOENT", "EISDIR", "EACCES", "EPERM"].includes(code as string);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : null;
}
