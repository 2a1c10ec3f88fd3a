import type { ByteStream, PagePromise, RequestOptions, WaitOptions, WithResponse } from "@aoai/core";
import { ResourceClient } from "@aoai/core";
import {
  byteStream,
  call,
  get,
  json,
  lasting,
  list,
  MultipartForm,
  remove,
  waitFor,
  withResponse,
} from "@aoai/core/internal";
import { checkListQuery, checkUpload } from "./check-request.js";
import { files } from "./feature.js";
import { FileFailedError } from "./file-failed-error.js";
import type { FileListQuery, FileUploadRequest } from "./request-types.js";
import type { FileDeleted, FileObject } from "./response-types.js";

const FILE = "files/{file_id}";

/** Azure's limit of a batch input file: 200 MB. */
const BATCH_FILE_BYTES = 200 * 1024 * 1024;
const FINISHED: ReadonlySet<string> = new Set(["processed", "error", "deleted"]);
// An upload stores a file: not resent after a failure that may have stored it.
const STORED_FILE = /* @__PURE__ */ lasting({ what: "file", check: "FileClient.list()" });

/**
 * Files of an Azure OpenAI resource: uploads for batches and fine-tuning, listing, downloads.
 *
 * ```ts
 * const files = new FileClient(client);
 * const file = await files.upload({ file: "input.jsonl", purpose: "batch" });
 * await files.waitForProcessing(file.id);
 * for await (const f of files.list({ purpose: "batch" })) console.log(f.id, f.status);
 * ```
 */
export class FileClient extends ResourceClient {
  /**
   * Uploads a file (multipart). Azure answers `status: "pending"`: wait for `processed` with
   * {@link FileClient.waitForProcessing} before a batch or a job uses it. A `batch` file over
   * 200 MB, an empty file and bad fields throw `InvalidInputError` before anything is sent.
   */
  async upload(request: FileUploadRequest, options?: RequestOptions): Promise<WithResponse<FileObject>> {
    checkUpload(this.client, request);
    const { file, purpose, expires_after, ...rest } = request;
    const fields: Record<string, unknown> = { purpose, ...rest };
    if (expires_after) {
      // Azure's form names the object's fields with dots.
      fields["expires_after.anchor"] = expires_after.anchor;
      fields["expires_after.seconds"] = expires_after.seconds;
    }
    fields.file = file;
    const form = new MultipartForm(fields, {
      file: purpose === "batch" ? { maxBytes: BATCH_FILE_BYTES } : {},
    });
    return call(files, this, "files", { body: form, creates: STORED_FILE }, options, json<FileObject>());
  }

  /**
   * Lists files: `await` it for one page, or iterate it for every file across pages
   * (`for await (const file of files.list())`).
   */
  list(query: FileListQuery = {}, options?: RequestOptions): PagePromise<FileObject> {
    return list(files, this, "files", query, options, checkListQuery);
  }

  /** A file's details, `status` included. */
  async retrieve(fileId: string, options?: RequestOptions): Promise<WithResponse<FileObject>> {
    return get(files, this, FILE, { file_id: fileId }, options);
  }

  /**
   * Deletes a file. The 2024-06-01 API answers 204 with no body; that reads as
   * `{ object: "file", id, deleted: true }`.
   */
  async delete(fileId: string, options?: RequestOptions): Promise<WithResponse<FileDeleted>> {
    const reader = json<FileDeleted>();
    return remove(files, this, FILE, { file_id: fileId }, options, {
      ...reader,
      read: (sent) =>
        sent.raw.bodyAsText
          ? reader.read(sent)
          : withResponse<FileDeleted>({ object: "file", id: fileId, deleted: true }, sent.info),
    });
  }

  /**
   * A file's content as it downloads: iterate the `ByteStream` for chunks, or `bytes()` for all
   * of it. A large file (a batch's output) never needs to sit in memory whole.
   */
  async content(fileId: string, options?: RequestOptions): Promise<ByteStream> {
    return get(files, this, `${FILE}/content`, { file_id: fileId }, options, byteStream);
  }

  /**
   * Polls the file until it is `processed` and returns it, pausing 1 s, then 1.5 times longer
   * each time (at most 10 s). Throws `FileFailedError` with the service's `status_details`
   * when processing failed, `WaitTimeoutError` after `waitTimeout` (default 30 minutes) and
   * `APIUserAbortError` when `signal` aborts.
   */
  waitForProcessing(fileId: string, options: WaitOptions = {}): Promise<WithResponse<FileObject>> {
    return waitFor((o) => this.retrieve(fileId, o), options, {
      what: `File ${fileId}`,
      ended: FINISHED,
      failure: (file) => (file.status === "processed" ? undefined : new FileFailedError(file)),
      timeoutMs: 30 * 60_000,
      pollInterval: 1000,
      maxPollInterval: 10_000,
    });
  }
}
