/** How a file is cut into chunks, as the wire names it (`auto` is answered as its static sizes). */
export interface StaticChunking {
  type: "static";
  static: { max_chunk_size_tokens: number; chunk_overlap_tokens: number };
}

/** Attribute values a file may carry: what `filters` compare. */
export type Attributes = Record<string, string | number | boolean>;

export interface FileCounts {
  in_progress: number;
  completed: number;
  failed: number;
  cancelled: number;
  total: number;
}

/** The vector store object on the wire. */
export interface VectorStoreWire {
  id: string;
  object: "vector_store";
  created_at: number;
  name: string;
  usage_bytes: number;
  file_counts: FileCounts;
  status: "expired" | "in_progress" | "completed";
  expires_after?: { anchor: "last_active_at"; days: number };
  expires_at: number | null;
  last_active_at: number | null;
  metadata: Record<string, string> | null;
}

type FileStatus = "in_progress" | "completed" | "failed" | "cancelled";

/** The vector store file object on the wire. */
export interface VectorStoreFileWire {
  id: string;
  object: "vector_store.file";
  usage_bytes: number;
  created_at: number;
  vector_store_id: string;
  status: FileStatus;
  last_error: { code: "server_error" | "unsupported_file" | "invalid_file"; message: string } | null;
  chunking_strategy: StaticChunking;
  attributes: Attributes | null;
}

/** One indexed piece of a file: its text and its unit vector. */
export interface Chunk {
  text: string;
  vector: Float32Array;
}

export interface VectorStoreFileRecord {
  file: VectorStoreFileWire;
  /** When indexing ends (ms since the epoch). */
  readyAt: number;
  filename: string;
  batchId: string | undefined;
  /** The parsed text and its chunks, once completed. */
  text: string | undefined;
  chunks: Chunk[];
}

interface VectorStoreBatchWire {
  id: string;
  object: "vector_store.files_batch";
  created_at: number;
  vector_store_id: string;
  status: FileStatus;
  file_counts: FileCounts;
}

export interface VectorStoreBatchRecord {
  batch: VectorStoreBatchWire;
  fileIds: string[];
}

export interface VectorStoreRecord {
  store: VectorStoreWire;
  /** Files by id, in the order they were added. */
  files: Map<string, VectorStoreFileRecord>;
  batches: Map<string, VectorStoreBatchRecord>;
  /** The time scale of the request that made the store: indexing and expiry run on it. */
  scale: number;
  /** When the store was last used, ms since the epoch: expiry counts from it. */
  lastActiveMs: number;
}

/** Zero counts. */
export const noFiles = (): FileCounts => ({
  in_progress: 0,
  completed: 0,
  failed: 0,
  cancelled: 0,
  total: 0,
});
