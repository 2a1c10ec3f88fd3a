import { parseJsonObject } from "../body.js";
import { methodNotAllowed } from "../errors.js";
import { jsonReply, type Reply } from "../reply.js";
import { seconds, timeScale } from "./clock.js";
import type { ResourceRequest } from "./context.js";
import { invalidPayload, resourceNotFound } from "./resource-errors.js";
import { vectorStoreBatchesRoute } from "./vector-store-batches.js";
import { vectorStoreFilesRoute } from "./vector-store-files.js";
import { addFiles, chunkingOf, fileIdsOf, refreshStore, touch } from "./vector-store-lifecycle.js";
import { vectorStorePage } from "./vector-store-page.js";
import { noFiles, type VectorStoreRecord, type VectorStoreWire } from "./vector-store-record.js";
import { searchVectorStore } from "./vector-store-search.js";

/** The vector store routes (their family in the resource versions table is `vector_stores`). */
export const VECTOR_STORE_TEMPLATES: readonly [string, string][] = [
  "vector_stores",
  "vector_stores/{vector_store_id}",
  "vector_stores/{vector_store_id}/files",
  "vector_stores/{vector_store_id}/files/{file_id}",
  "vector_stores/{vector_store_id}/files/{file_id}/content",
  "vector_stores/{vector_store_id}/search",
  "vector_stores/{vector_store_id}/file_batches",
  "vector_stores/{vector_store_id}/file_batches/{batch_id}",
  "vector_stores/{vector_store_id}/file_batches/{batch_id}/cancel",
  "vector_stores/{vector_store_id}/file_batches/{batch_id}/files",
].map((template) => [template, "vector_stores"]);

/**
 * Vector stores: files from the files store indexed in the background (chunked, embedded with
 * the emulator's vectors), file batches, and search by cosine similarity with attribute filters.
 */
export function vectorStoresRoute(req: ResourceRequest): Reply {
  const { method, route, store, now } = req;
  if (route.operation === "vector_stores") {
    if (method === "POST") return create(req);
    if (method !== "GET") throw methodNotAllowed();
    const all = [...store.vectorStores.values()].map((record) => {
      refreshStore(record, store, now);
      return record.store;
    });
    return jsonReply(vectorStorePage(all, route.query));
  }
  const record = findStore(req);
  const rest = route.operation.slice("vector_stores/{vector_store_id}".length);
  if (rest.startsWith("/files")) return vectorStoreFilesRoute(req, record);
  if (rest.startsWith("/file_batches")) return vectorStoreBatchesRoute(req, record);
  if (rest === "/search") {
    if (method !== "POST") throw methodNotAllowed();
    return searchVectorStore(req, record);
  }
  if (method === "GET") return jsonReply(record.store);
  if (method === "DELETE") {
    store.vectorStores.delete(record.store.id);
    return jsonReply({ id: record.store.id, object: "vector_store.deleted", deleted: true });
  }
  if (method !== "POST") throw methodNotAllowed();
  const body = parseJsonObject(req.raw);
  if (body.name !== undefined) record.store.name = nameOf(body.name);
  if (body.metadata !== undefined) record.store.metadata = metadataOf(body.metadata);
  if (body.expires_after !== undefined) {
    if (body.expires_after === null) delete record.store.expires_after;
    else record.store.expires_after = expiryOf(body.expires_after);
    touch(record, now);
  }
  refreshStore(record, store, now);
  return jsonReply(record.store);
}

/** The store the route names, brought up to the request's time, or a 404. */
function findStore(req: ResourceRequest): VectorStoreRecord {
  const id = req.route.params.vector_store_id!;
  const record = req.store.vectorStores.get(id);
  if (!record) throw resourceNotFound("Vector store", id);
  refreshStore(record, req.store, req.now);
  return record;
}

function create(req: ResourceRequest): Reply {
  const body = parseJsonObject(req.raw);
  const fileIds = fileIdsOf(body.file_ids, false);
  const strategy = chunkingOf(body.chunking_strategy);
  const store: VectorStoreWire = {
    id: req.store.newId("vs_", 24),
    object: "vector_store",
    created_at: seconds(req.now),
    name: body.name === undefined ? "" : nameOf(body.name),
    usage_bytes: 0,
    file_counts: noFiles(),
    status: "completed",
    ...(body.expires_after != null && { expires_after: expiryOf(body.expires_after) }),
    expires_at: null,
    last_active_at: seconds(req.now),
    metadata: metadataOf(body.metadata),
  };
  const record: VectorStoreRecord = {
    store,
    files: new Map(),
    batches: new Map(),
    scale: timeScale(req.headers, req.store.options.timeScale),
    lastActiveMs: req.now,
  };
  addFiles(record, req.store, fileIds, { strategy, attributes: null }, req.now);
  req.store.addVectorStore(record);
  refreshStore(record, req.store, req.now);
  return jsonReply(structuredClone(store));
}

// The spec types the store's `name` as a string: a store without one (or whose name was set to
// null) answers "".
function nameOf(value: unknown): string {
  if (value !== null && typeof value !== "string") throw invalidPayload("'name' must be a string.", "name");
  return value ?? "";
}

function metadataOf(value: unknown): Record<string, string> | null {
  if (value === undefined || value === null) return null;
  if (
    typeof value !== "object" ||
    Array.isArray(value) ||
    Object.keys(value).length > 16 ||
    Object.values(value).some((v) => typeof v !== "string" || v.length > 512)
  )
    throw invalidPayload("'metadata' must be an object of at most 16 strings.", "metadata");
  return value as Record<string, string>;
}

function expiryOf(value: unknown): { anchor: "last_active_at"; days: number } {
  const v = value as { anchor?: unknown; days?: unknown } | null;
  if (typeof v !== "object" || v === null || v.anchor !== "last_active_at")
    throw invalidPayload("'expires_after.anchor' must be 'last_active_at'.", "expires_after.anchor");
  if (typeof v.days !== "number" || !Number.isInteger(v.days) || v.days < 1 || v.days > 365)
    throw invalidPayload("'expires_after.days' must be an integer from 1 to 365.", "expires_after.days");
  return { anchor: "last_active_at", days: v.days };
}
