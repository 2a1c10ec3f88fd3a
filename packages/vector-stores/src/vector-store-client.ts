import type { AzureOpenAIClient, RequestOptions, WithResponse } from "@aoai/core";
import { invalid } from "@aoai/core/internal";
import { checkAddFile, checkAttributes, checkCreate, checkFileBatch, checkUpdate } from "./check-request.js";
import { type PagePromise, pollUntil, type WaitOptions } from "./frame.js";
import { BATCH_CREATE, listOperation, operation, STORE, STORE_CREATE } from "./operation.js";
import type {
  FileBatchCreateRequest,
  ListQuery,
  VectorStoreCreateRequest,
  VectorStoreFileCreateRequest,
  VectorStoreFileListQuery,
  VectorStoreFileUpdateRequest,
  VectorStoreSearchRequest,
  VectorStoreUpdateRequest,
} from "./request-types.js";
import type {
  FileCounts,
  VectorStore,
  VectorStoreDeleted,
  VectorStoreFile,
  VectorStoreFileBatch,
  VectorStoreFileContent,
  VectorStoreFileDeleted,
  VectorStoreSearchResults,
} from "./response-types.js";
import { searchStore } from "./search-store.js";

const FILE = `${STORE}/files/{file_id}`;
const BATCH = `${STORE}/file_batches/{batch_id}`;

// Indexing takes seconds to minutes: poll every second at first, every 10 s at the most.
const waitDefaults = (what: string) => ({
  what,
  timeoutMs: Number.POSITIVE_INFINITY,
  pollInterval: 1000,
  maxPollInterval: 10_000,
});

/** Options of {@link VectorStoreClient.waitForFileBatch}. */
export interface FileBatchWaitOptions extends WaitOptions {
  /** Called after every poll with the batch's `file_counts` (and the batch). */
  onProgress?: (counts: FileCounts, batch: WithResponse<VectorStoreFileBatch>) => void;
}

/**
 * Vector stores of an Azure OpenAI resource: the indexed documents the `file_search` tool and
 * `search()` read. Stores, their files (add, list by status, read, update attributes, remove),
 * file batches of up to 500 files with a wait that reports progress, and search;
 * `uploadAndIndex` fills a store from a folder or a list of files in one call.
 *
 * ```ts
 * const stores = new VectorStoreClient(client);
 * const store = await stores.create({ name: "handbook" });
 * await uploadAndIndex(stores, new FileClient(client), store.id, { files: "./handbook" });
 * const results = await stores.search(store.id, { query: "How many vacation days?" });
 * ```
 */
export class VectorStoreClient {
  readonly client: AzureOpenAIClient;

  constructor(client: AzureOpenAIClient) {
    this.client = client;
  }

  /** Creates a store, adding `file_ids` (at most 500) when given. */
  async create(
    request: VectorStoreCreateRequest = {},
    options?: RequestOptions,
  ): Promise<WithResponse<VectorStore>> {
    checkCreate(request);
    return operation(this.client, "vector_stores", "POST", {}, options, request, undefined, STORE_CREATE);
  }

  /** Lists stores, newest first: `await` it for one page, or iterate it for all of them. */
  list(query: ListQuery = {}, options?: RequestOptions): PagePromise<VectorStore> {
    return listOperation(this.client, "vector_stores", {}, query, options);
  }

  /** A store, with its status and `file_counts`. */
  async retrieve(vectorStoreId: string, options?: RequestOptions): Promise<WithResponse<VectorStore>> {
    return operation(this.client, STORE, "GET", { vector_store_id: vectorStoreId }, options);
  }

  /** Changes a store's name, expiry or metadata. */
  async update(
    vectorStoreId: string,
    request: VectorStoreUpdateRequest,
    options?: RequestOptions,
  ): Promise<WithResponse<VectorStore>> {
    checkUpdate(request);
    return operation(this.client, STORE, "POST", { vector_store_id: vectorStoreId }, options, request);
  }

  /** Deletes a store (its files stay in the files API). */
  async delete(vectorStoreId: string, options?: RequestOptions): Promise<WithResponse<VectorStoreDeleted>> {
    return operation(this.client, STORE, "DELETE", { vector_store_id: vectorStoreId }, options);
  }

  /**
   * Searches a store: the chunks closest to `query`, best first, with their scores, the file's
   * attributes and the text. `filters` keep the files whose attributes match; an unknown
   * operator is refused before sending. (`VectorStoreSearchClient` has only this call, for apps
   * that only search.)
   */
  async search(
    vectorStoreId: string,
    request: VectorStoreSearchRequest,
    options?: RequestOptions,
  ): Promise<WithResponse<VectorStoreSearchResults>> {
    return searchStore(this.client, vectorStoreId, request, options);
  }

  /** Adds an uploaded file to a store; it is `in_progress` until indexed (see `waitForFile`). */
  async addFile(
    vectorStoreId: string,
    request: VectorStoreFileCreateRequest,
    options?: RequestOptions,
  ): Promise<WithResponse<VectorStoreFile>> {
    checkAddFile(this.client, request);
    return operation<VectorStoreFile>(
      this.client,
      `${STORE}/files`,
      "POST",
      { vector_store_id: vectorStoreId },
      options,
      request,
    );
  }

  /** Lists a store's files, optionally by status (`filter: "failed"`). */
  listFiles(
    vectorStoreId: string,
    query: VectorStoreFileListQuery = {},
    options?: RequestOptions,
  ): PagePromise<VectorStoreFile> {
    return listOperation<VectorStoreFile>(
      this.client,
      `${STORE}/files`,
      { vector_store_id: vectorStoreId },
      query,
      options,
    );
  }

  /** A file of a store, with its status and `last_error`. */
  async retrieveFile(
    vectorStoreId: string,
    fileId: string,
    options?: RequestOptions,
  ): Promise<WithResponse<VectorStoreFile>> {
    return operation<VectorStoreFile>(
      this.client,
      FILE,
      "GET",
      { vector_store_id: vectorStoreId, file_id: fileId },
      options,
    );
  }

  /** Replaces a file's attributes (what search `filters` compare). */
  async updateFile(
    vectorStoreId: string,
    fileId: string,
    request: VectorStoreFileUpdateRequest,
    options?: RequestOptions,
  ): Promise<WithResponse<VectorStoreFile>> {
    if (typeof request !== "object" || request === null || !("attributes" in request))
      invalid("attributes", "is required (null clears them).");
    checkAttributes(request.attributes);
    return operation<VectorStoreFile>(
      this.client,
      FILE,
      "POST",
      { vector_store_id: vectorStoreId, file_id: fileId },
      options,
      request,
    );
  }

  /** Removes a file from a store; the file stays in the files API. */
  async deleteFile(
    vectorStoreId: string,
    fileId: string,
    options?: RequestOptions,
  ): Promise<WithResponse<VectorStoreFileDeleted>> {
    return operation<VectorStoreFileDeleted>(
      this.client,
      FILE,
      "DELETE",
      { vector_store_id: vectorStoreId, file_id: fileId },
      options,
    );
  }

  /** A file's text as the store parsed it. */
  async fileContent(
    vectorStoreId: string,
    fileId: string,
    options?: RequestOptions,
  ): Promise<WithResponse<VectorStoreFileContent>> {
    return operation<VectorStoreFileContent>(
      this.client,
      `${FILE}/content`,
      "GET",
      { vector_store_id: vectorStoreId, file_id: fileId },
      options,
    );
  }

  /** Adds up to 500 files at once; see `waitForFileBatch`, or `uploadAndIndex` for more. */
  async createFileBatch(
    vectorStoreId: string,
    request: FileBatchCreateRequest,
    options?: RequestOptions,
  ): Promise<WithResponse<VectorStoreFileBatch>> {
    checkFileBatch(this.client, request);
    return operation<VectorStoreFileBatch>(
      this.client,
      `${STORE}/file_batches`,
      "POST",
      { vector_store_id: vectorStoreId },
      options,
      request,
      undefined,
      BATCH_CREATE,
    );
  }

  /** A file batch, with its `file_counts`. */
  async retrieveFileBatch(
    vectorStoreId: string,
    batchId: string,
    options?: RequestOptions,
  ): Promise<WithResponse<VectorStoreFileBatch>> {
    return operation<VectorStoreFileBatch>(
      this.client,
      BATCH,
      "GET",
      { vector_store_id: vectorStoreId, batch_id: batchId },
      options,
    );
  }

  /** Cancels a batch: files not yet indexed are `cancelled`; those done stay in the store. */
  async cancelFileBatch(
    vectorStoreId: string,
    batchId: string,
    options?: RequestOptions,
  ): Promise<WithResponse<VectorStoreFileBatch>> {
    return operation<VectorStoreFileBatch>(
      this.client,
      `${BATCH}/cancel`,
      "POST",
      { vector_store_id: vectorStoreId, batch_id: batchId },
      options,
    );
  }

  /** Lists a batch's files, optionally by status. */
  listFileBatchFiles(
    vectorStoreId: string,
    batchId: string,
    query: VectorStoreFileListQuery = {},
    options?: RequestOptions,
  ): PagePromise<VectorStoreFile> {
    return listOperation<VectorStoreFile>(
      this.client,
      `${BATCH}/files`,
      { vector_store_id: vectorStoreId, batch_id: batchId },
      query,
      options,
    );
  }

  /**
   * Polls a file batch until no file is in progress and returns it: `completed` (read
   * `file_counts.failed`, and `listFileBatchFiles(…, { filter: "failed" })` for why),
   * `cancelled` or `failed`. Pauses 1 s between polls, 1.5 times longer each time, at most 10 s;
   * `onProgress` gets `file_counts` after every poll. `signal` stops the wait with
   * `APIUserAbortError`, `timeoutMs` (none by default) with `WaitTimeoutError`; the batch goes on.
   */
  async waitForFileBatch(
    vectorStoreId: string,
    batchId: string,
    options: FileBatchWaitOptions = {},
  ): Promise<WithResponse<VectorStoreFileBatch>> {
    const { onProgress, ...wait } = options;
    return pollUntil(
      (o) => this.retrieveFileBatch(vectorStoreId, batchId, o),
      (b) => b.status !== "in_progress",
      wait,
      waitDefaults(`File batch ${batchId}`),
      onProgress && ((b) => onProgress(b.file_counts, b)),
    );
  }

  /** Polls a file of a store until it is no longer `in_progress`, as `waitForFileBatch` does. */
  async waitForFile(
    vectorStoreId: string,
    fileId: string,
    options: WaitOptions = {},
  ): Promise<WithResponse<VectorStoreFile>> {
    return pollUntil(
      (o) => this.retrieveFile(vectorStoreId, fileId, o),
      (f) => f.status !== "in_progress",
      options,
      waitDefaults(`File ${fileId}`),
    );
  }
}
