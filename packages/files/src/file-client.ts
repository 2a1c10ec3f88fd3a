import type { AzureOpenAIClient, ByteStream, RequestOptions, WithResponse } from "@aoai/core";
import {
  byteStream,
  checkClient,
  json,
  lasting,
  MultipartForm,
  send,
  withResponse,
} from "@aoai/core/internal";
import { checkListQuery, checkUpload } from "./check-request.js";
import { FileProcessingError } from "./file-processing-error.js";
import { type Page, PagePromise } from "./page.js";
import { pollUntil, type WaitOptions } from "./poll.js";
import type { FileListQuery, FileUploadRequest } from "./request-types.js";
import type { FileDeleted, FileObject } from "./response-types.js";
import { VERSION } from "./version.js";
import { versions } from "./versions.js";

const USER_AGENT = `aoai-files/${VERSION}`;
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
export class FileClient {
  readonly client: AzureOpenAIClient;

  constructor(client: AzureOpenAIClient) {
    checkClient(client);
    this.client = client;
  }

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
    const operation = this.op("files", "POST", { body: form, options });
    return send(this.client, { ...operation, creates: STORED_FILE }, json<FileObject>());
  }

  /**
   * Lists files: `await` it for one page, or iterate it for every file across pages
   * (`for await (const file of files.list())`).
   */
  list(query: FileListQuery = {}, options?: RequestOptions): PagePromise<FileObject> {
    return new PagePromise((after) => {
      checkListQuery(query);
      return send(
        this.client,
        this.op("files", "GET", { query: { ...query, after: after ?? query.after }, options }),
        json<Page<FileObject>>(),
      );
    });
  }

  /** A file's details, `status` included. */
  async retrieve(fileId: string, options?: RequestOptions): Promise<WithResponse<FileObject>> {
    return send(this.client, this.op("files/{file_id}", "GET", { fileId, options }), json<FileObject>());
  }

  /**
   * Deletes a file. The 2024-06-01 API answers 204 with no body; that reads as
   * `{ object: "file", id, deleted: true }`.
   */
  async delete(fileId: string, options?: RequestOptions): Promise<WithResponse<FileDeleted>> {
    const reader = json<FileDeleted>();
    return send(this.client, this.op("files/{file_id}", "DELETE", { fileId, options }), {
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
    return send(this.client, this.op("files/{file_id}/content", "GET", { fileId, options }), byteStream);
  }

  /**
   * Polls the file until it is `processed` and returns it, pausing 1 s, then 1.5 times longer
   * each time (at most 10 s). Throws `FileProcessingError` with the service's `status_details`
   * when processing failed, `WaitTimeoutError` after `timeoutMs` (default 30 minutes) and
   * `APIUserAbortError` when `signal` aborts.
   */
  async waitForProcessing(fileId: string, options: WaitOptions = {}): Promise<WithResponse<FileObject>> {
    const file = await pollUntil(
      (o) => this.retrieve(fileId, o),
      (f) => FINISHED.has(f.status),
      options,
      { what: `File ${fileId}`, timeoutMs: 30 * 60_000, pollInterval: 1000, maxPollInterval: 10_000 },
    );
    if (file.status !== "processed") throw new FileProcessingError(file);
    return file;
  }

  private op(
    path: string,
    method: "GET" | "POST" | "DELETE",
    parts: {
      fileId?: string;
      body?: MultipartForm;
      query?: Record<string, string | number | undefined>;
      options: RequestOptions | undefined;
    },
  ) {
    return {
      path,
      method,
      params: parts.fileId === undefined ? undefined : { file_id: parts.fileId },
      query: parts.query,
      body: parts.body,
      versions: versions("files"),
      feature: "files",
      userAgent: USER_AGENT,
      options: parts.options,
    };
  }
}
