import { seconds } from "./clock.js";
import { findFile } from "./files.js";
import { invalidPayload, wrongState } from "./resource-errors.js";
import type { ResourceStore } from "./store.js";
import { AUTO_CHUNKING, chunkText, parseFile } from "./vector-store-chunks.js";
import {
  type Attributes,
  type FileCounts,
  noFiles,
  type StaticChunking,
  type VectorStoreFileRecord,
  type VectorStoreRecord,
} from "./vector-store-record.js";

// Indexing one file takes this long at time scale 1.
const INDEX_MS = 400;
const DAY_MS = 86_400_000;
/** The most file ids one create or batch request takes, as the service. */
const MAX_FILE_IDS = 500;

/** What adding files asks for besides the ids. */
export interface AddFiles {
  strategy: StaticChunking;
  attributes: Attributes | null;
  batchId?: string;
}

/**
 * Adds files (ids of the emulator's files store) to a store, `in_progress` until their indexing
 * time comes. A missing file answers 404 before any is added; adding a file again re-indexes it.
 */
export function addFiles(
  record: VectorStoreRecord,
  store: ResourceStore,
  ids: readonly string[],
  add: AddFiles,
  now: number,
): VectorStoreFileRecord[] {
  if (record.store.status === "expired") throw wrongState("The vector store has expired.");
  const stored = ids.map((id) => findFile(store, id, now));
  const added = stored.map(({ file }) => {
    const entry: VectorStoreFileRecord = {
      file: {
        id: file.id,
        object: "vector_store.file",
        usage_bytes: 0,
        created_at: seconds(now),
        vector_store_id: record.store.id,
        status: "in_progress",
        last_error: null,
        chunking_strategy: add.strategy,
        attributes: add.attributes,
      },
      readyAt: now + INDEX_MS * record.scale,
      filename: file.filename,
      batchId: add.batchId,
      text: undefined,
      chunks: [],
    };
    record.files.delete(file.id);
    record.files.set(file.id, entry);
    return entry;
  });
  touch(record, now);
  return added;
}

/** Indexes the files whose time has come, then recounts the store and its batches; expires it. */
export function refreshStore(record: VectorStoreRecord, store: ResourceStore, now: number): void {
  for (const entry of record.files.values()) {
    if (entry.file.status !== "in_progress" || now < entry.readyAt) continue;
    indexFile(entry, store);
  }
  const counts = countFiles(record.files.values());
  const wire = record.store;
  wire.file_counts = counts;
  wire.usage_bytes = 0;
  for (const entry of record.files.values()) wire.usage_bytes += entry.file.usage_bytes;
  const expiresMs = expiresAtMs(record);
  wire.expires_at = expiresMs === undefined ? null : seconds(expiresMs);
  if (expiresMs !== undefined && now >= expiresMs) wire.status = "expired";
  else wire.status = counts.in_progress > 0 ? "in_progress" : "completed";
  for (const batch of record.batches.values()) {
    const b = batch.batch;
    b.file_counts = countFiles(
      batch.fileIds.flatMap((id) => {
        const entry = record.files.get(id);
        return entry?.batchId === b.id ? [entry] : [];
      }),
    );
    if (b.status === "in_progress" && b.file_counts.in_progress === 0) b.status = "completed";
  }
}

/** Marks the store used now: expiry counts from its last use. */
export function touch(record: VectorStoreRecord, now: number): void {
  record.lastActiveMs = now;
  record.store.last_active_at = seconds(now);
}

/**
 * The end of a store's life under its `expires_after`, scaled like every emulated duration, but
 * at scale 0 (every phase over at once) kept at its real length: a store made to test indexing
 * should not be gone the moment it exists.
 */
function expiresAtMs(record: VectorStoreRecord): number | undefined {
  const after = record.store.expires_after;
  return after ? record.lastActiveMs + after.days * DAY_MS * (record.scale || 1) : undefined;
}

function indexFile(entry: VectorStoreFileRecord, store: ResourceStore): void {
  const source = store.files.get(entry.file.id);
  const parsed = source
    ? parseFile(entry.filename, source.data)
    : { code: "server_error" as const, message: "The file was deleted before it was indexed." };
  if ("code" in parsed) {
    entry.file.status = "failed";
    entry.file.last_error = { code: parsed.code, message: parsed.message };
    return;
  }
  entry.text = parsed.text;
  entry.chunks = chunkText(parsed.text, entry.file.chunking_strategy);
  entry.file.status = "completed";
  entry.file.usage_bytes = Buffer.byteLength(parsed.text);
}

function countFiles(entries: Iterable<VectorStoreFileRecord>): FileCounts {
  const counts = noFiles();
  for (const { file } of entries) {
    counts[file.status]++;
    counts.total++;
  }
  return counts;
}

/**
 * The chunking of a request: `auto` (or none) is 800/400 tokens; `static` sizes are checked as
 * the service checks them (100 to 4096 tokens, an overlap of at most half the chunk).
 */
export function chunkingOf(value: unknown): StaticChunking {
  if (value === undefined || value === null) return AUTO_CHUNKING;
  const v = value as { type?: unknown; static?: Record<string, unknown> };
  if (v.type === "auto") return AUTO_CHUNKING;
  if (v.type !== "static")
    throw invalidPayload("'chunking_strategy.type' must be 'auto' or 'static'.", "chunking_strategy.type");
  const max = v.static?.max_chunk_size_tokens;
  const overlap = v.static?.chunk_overlap_tokens;
  if (typeof max !== "number" || !Number.isInteger(max) || max < 100 || max > 4096)
    throw invalidPayload(
      "'chunking_strategy.static.max_chunk_size_tokens' must be an integer from 100 to 4096.",
      "chunking_strategy.static.max_chunk_size_tokens",
    );
  if (typeof overlap !== "number" || !Number.isInteger(overlap) || overlap < 0 || overlap > max / 2)
    throw invalidPayload(
      "'chunking_strategy.static.chunk_overlap_tokens' must be an integer from 0 to half of max_chunk_size_tokens.",
      "chunking_strategy.static.chunk_overlap_tokens",
    );
  return { type: "static", static: { max_chunk_size_tokens: max, chunk_overlap_tokens: overlap } };
}

/** Checks `file_ids`: strings, at most 500, at least one when `required`. */
export function fileIdsOf(value: unknown, required: boolean): string[] {
  if (value === undefined && !required) return [];
  if (!Array.isArray(value) || value.some((id) => typeof id !== "string" || !id))
    throw invalidPayload("'file_ids' must be an array of file ids.", "file_ids");
  if (required && value.length === 0) throw invalidPayload("'file_ids' must not be empty.", "file_ids");
  if (value.length > MAX_FILE_IDS)
    throw invalidPayload(`'file_ids' may hold at most ${MAX_FILE_IDS} ids; got ${value.length}.`, "file_ids");
  return value as string[];
}
