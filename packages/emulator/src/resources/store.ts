import { sha256Hex } from "../hash.js";
import type { ResolvedOptions } from "../options.js";
import type { BatchRecord } from "./batch-record.js";
import type { JobRecord } from "./job-record.js";
import type { VectorStoreRecord } from "./vector-store-record.js";

/** One stored file: its wire object and its bytes. */
export interface StoredFile {
  file: FileWire;
  data: Buffer;
  /** When processing ends (ms since the epoch). */
  readyAt: number;
}

/** The file object on the wire. */
interface FileWire {
  object: "file";
  id: string;
  purpose: string;
  filename: string;
  bytes: number;
  created_at: number;
  status: "pending" | "processed" | "error";
  status_details: string | null;
  expires_at?: number;
}

// How many of each resource the emulator keeps; the oldest go first.
const MAX_FILES = 2000;
const MAX_RECORDS = 1000;

/**
 * Files, batches and fine-tuning jobs, in memory and bounded: past `fileStoreBytes` (or 2000
 * files, 1000 batches, 1000 jobs) the oldest are forgotten, so a long test run cannot grow the
 * emulator without limit. Ids are derived from a counter, so a run's ids repeat.
 */
export class ResourceStore {
  readonly files = new Map<string, StoredFile>();
  readonly batches = new Map<string, BatchRecord>();
  readonly jobs = new Map<string, JobRecord>();
  readonly vectorStores = new Map<string, VectorStoreRecord>();
  readonly options: ResolvedOptions;
  #fileBytes = 0;
  #counter = 0;

  constructor(options: ResolvedOptions) {
    this.options = options;
  }

  /** A new id: `prefix` and `length` hex characters, unique in this emulator. */
  newId(prefix: string, length = 32): string {
    return `${prefix}${sha256Hex(`${prefix}:${++this.#counter}`).slice(0, length)}`;
  }

  addFile(stored: StoredFile): void {
    this.files.set(stored.file.id, stored);
    this.#fileBytes += stored.data.length;
    for (const [id, old] of this.files) {
      if (this.files.size <= MAX_FILES && this.#fileBytes <= this.options.fileStoreBytes) break;
      if (id === stored.file.id) break;
      this.deleteFile(id, old);
    }
  }

  deleteFile(id: string, stored = this.files.get(id)): boolean {
    if (!stored) return false;
    this.files.delete(id);
    this.#fileBytes -= stored.data.length;
    return true;
  }

  addBatch(record: BatchRecord): void {
    keep(this.batches, record.batch.id, record);
  }

  addJob(record: JobRecord): void {
    keep(this.jobs, record.job.id, record);
  }

  addVectorStore(record: VectorStoreRecord): void {
    keep(this.vectorStores, record.store.id, record);
  }
}

function keep<T>(map: Map<string, T>, id: string, value: T): void {
  map.set(id, value);
  if (map.size > MAX_RECORDS) map.delete(map.keys().next().value!);
}
