import type {
  VectorStoreExpiresAfter,
  VectorStoreFileAttributes,
  VectorStoreFileStatus,
} from "./request-types.js";

/** Files of a store or a batch, by status. */
export interface FileCounts {
  in_progress: number;
  completed: number;
  failed: number;
  cancelled: number;
  total: number;
}

/** A vector store. */
export interface VectorStore {
  id: string;
  object: "vector_store";
  created_at: number;
  name: string | null;
  /** Bytes of the indexed files. */
  usage_bytes: number;
  file_counts: FileCounts;
  /** `in_progress` while a file is being indexed. */
  status: "expired" | "in_progress" | "completed";
  expires_after?: VectorStoreExpiresAfter;
  expires_at?: number | null;
  last_active_at: number | null;
  metadata: Record<string, string> | null;
}

/** The answer of a delete. */
export interface VectorStoreDeleted {
  id: string;
  object: "vector_store.deleted";
  deleted: boolean;
}

/** Why a file failed to index. */
export interface VectorStoreFileError {
  code: "server_error" | "unsupported_file" | "invalid_file" | (string & {});
  message: string;
}

/** A file in a vector store. */
export interface VectorStoreFile {
  /** The id of the file in the files API. */
  id: string;
  object: "vector_store.file";
  usage_bytes: number;
  created_at: number;
  vector_store_id: string;
  status: VectorStoreFileStatus;
  last_error: VectorStoreFileError | null;
  chunking_strategy?: {
    type: "static" | "other" | (string & {});
    static?: { max_chunk_size_tokens: number; chunk_overlap_tokens: number };
  };
  attributes?: VectorStoreFileAttributes | null;
}

/** The answer of a file's removal from a store (the file itself stays in the files API). */
export interface VectorStoreFileDeleted {
  id: string;
  object: "vector_store.file.deleted";
  deleted: boolean;
}

/** A file's text as the store parsed it. */
export interface VectorStoreFileContent {
  object: "vector_store.file_content.page";
  data: { type: "text" | (string & {}); text: string }[];
  has_more: boolean;
  next_page: string | null;
}

/** A file batch. */
export interface VectorStoreFileBatch {
  id: string;
  object: "vector_store.files_batch";
  created_at: number;
  vector_store_id: string;
  status: "in_progress" | "completed" | "cancelled" | "failed";
  file_counts: FileCounts;
}

/** One result of a search: a chunk of a file, with its score. */
export interface VectorStoreSearchResult {
  file_id: string;
  filename: string;
  /** From 0 to 1, higher is closer. */
  score: number;
  attributes: VectorStoreFileAttributes | null;
  content: { type: "text"; text: string }[];
}

/** The answer of a search. */
export interface VectorStoreSearchResults {
  object: "vector_store.search_results.page";
  /** The queries searched (rewritten when `rewrite_query` was set). */
  search_query: string[];
  /** Best first. */
  data: VectorStoreSearchResult[];
  has_more: boolean;
  next_page: string | null;
}
