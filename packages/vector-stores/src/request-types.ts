/** `auto`: the service picks the sizes (800-token chunks overlapping by 400). */
export interface AutoChunkingStrategy {
  type: "auto";
}

/** Fixed chunk sizes, in tokens. */
export interface StaticChunkingStrategy {
  type: "static";
  static: {
    /** From 100 to 4096. */
    max_chunk_size_tokens: number;
    /** At most half of `max_chunk_size_tokens`. */
    chunk_overlap_tokens: number;
  };
}

/** How files are cut into chunks before they are embedded. @default { type: "auto" } */
export type ChunkingStrategy = AutoChunkingStrategy | StaticChunkingStrategy;

/** When a vector store expires: `days` after it was last used. */
export interface VectorStoreExpiresAfter {
  anchor: "last_active_at";
  /** From 1 to 365. */
  days: number;
}

/** Up to 16 string pairs kept with an object (keys up to 64 characters, values up to 512). */
export type Metadata = Record<string, string>;

/**
 * Up to 16 values kept with a file in a store, that search `filters` compare: keys up to 64
 * characters, strings up to 512, numbers, booleans.
 */
export type VectorStoreFileAttributes = Record<string, string | number | boolean>;

/** `POST /vector_stores`. */
export interface VectorStoreCreateRequest {
  name?: string;
  /** Files to add (at most 500); more go through a file batch or `uploadAndIndex`. */
  file_ids?: string[];
  /** Applies to `file_ids`. */
  chunking_strategy?: ChunkingStrategy;
  expires_after?: VectorStoreExpiresAfter;
  metadata?: Metadata | null;
}

/** `POST /vector_stores/{vector_store_id}`: the fields to change. */
export interface VectorStoreUpdateRequest {
  name?: string | null;
  /** `null` removes the expiry. */
  expires_after?: VectorStoreExpiresAfter | null;
  metadata?: Metadata | null;
}

/** The page of a list wanted. */
export interface ListQuery {
  /** Items per page, 1 to 100. @default 20 (the service's) */
  limit?: number;
  /** @default "desc" (newest first) */
  order?: "asc" | "desc";
  /** The id after which the page starts. */
  after?: string;
  /** The id before which the page ends. */
  before?: string;
}

/** Indexing status of a file in a store. */
export type VectorStoreFileStatus = "in_progress" | "completed" | "failed" | "cancelled";

/** `GET /vector_stores/{id}/files` (and a file batch's files): a page, by status. */
export interface VectorStoreFileListQuery extends ListQuery {
  /** Only files with this status. */
  filter?: VectorStoreFileStatus;
}

/** `POST /vector_stores/{id}/files`. */
export interface VectorStoreFileCreateRequest {
  /** A file uploaded with `@aoai/files` (purpose `assistants`). */
  file_id: string;
  chunking_strategy?: ChunkingStrategy;
  /** The v1 API only (the dated versions' request has no `attributes`). */
  attributes?: VectorStoreFileAttributes | null;
}

/** `POST /vector_stores/{id}/files/{file_id}`. */
export interface VectorStoreFileUpdateRequest {
  /** Replaces the file's attributes; `null` clears them. */
  attributes: VectorStoreFileAttributes | null;
}

/** `POST /vector_stores/{id}/file_batches`. */
export interface FileBatchCreateRequest {
  /** From 1 to 500 file ids. */
  file_ids: string[];
  chunking_strategy?: ChunkingStrategy;
  /** Given to every file of the batch. The v1 API only. */
  attributes?: VectorStoreFileAttributes | null;
}

/** Compares one attribute with a value: `{ type: "gte", key: "year", value: 2024 }`. */
export interface ComparisonFilter {
  type: "eq" | "ne" | "gt" | "gte" | "lt" | "lte";
  key: string;
  value: string | number | boolean;
}

/** All (`and`) or any (`or`) of several filters, nested as deep as needed. */
export interface CompoundFilter {
  type: "and" | "or";
  filters: SearchFilter[];
}

/** A search filter over file attributes. */
export type SearchFilter = ComparisonFilter | CompoundFilter;

/** `POST /vector_stores/{id}/search`. */
export interface VectorStoreSearchRequest {
  /** A query, or several (each result scores by the best of them). */
  query: string | string[];
  filters?: SearchFilter;
  /** From 1 to 50. @default 10 */
  max_num_results?: number;
  ranking_options?: {
    /** @default "auto" */
    ranker?: "auto" | "default-2024-11-15" | "none" | (string & {});
    /** Results scoring below it are left out, from 0 to 1. @default 0 */
    score_threshold?: number;
  };
  /** Lets the service rewrite the query for search (the rewrite comes back as `search_query`). @default false */
  rewrite_query?: boolean;
}
