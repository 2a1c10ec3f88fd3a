import { parseJsonObject } from "../body.js";
import { methodNotAllowed } from "../errors.js";
import { jsonReply, type Reply } from "../reply.js";
import type { ResourceRequest } from "./context.js";
import { invalidPayload, resourceNotFound } from "./resource-errors.js";
import { checkAttributes } from "./vector-store-filters.js";
import { addFiles, chunkingOf, refreshStore } from "./vector-store-lifecycle.js";
import { vectorStorePage } from "./vector-store-page.js";
import type { VectorStoreFileRecord, VectorStoreFileWire, VectorStoreRecord } from "./vector-store-record.js";

const STATUSES = ["in_progress", "completed", "failed", "cancelled"];

/** `vector_stores/{id}/files`, `…/files/{file_id}` and `…/files/{file_id}/content`. */
export function vectorStoreFilesRoute(req: ResourceRequest, record: VectorStoreRecord): Reply {
  const { method, route } = req;
  if (route.operation.endsWith("/files")) {
    if (method === "GET") return jsonReply(listFiles(record.files.values(), route.query));
    if (method !== "POST") throw methodNotAllowed();
    const body = parseJsonObject(req.raw);
    if (typeof body.file_id !== "string" || !body.file_id)
      throw invalidPayload("'file_id' is a required property.", "file_id");
    const [entry] = addFiles(
      record,
      req.store,
      [body.file_id],
      { strategy: chunkingOf(body.chunking_strategy), attributes: checkAttributes(body.attributes) },
      req.now,
    );
    refreshStore(record, req.store, req.now);
    return jsonReply(structuredClone(entry!.file));
  }
  const id = route.params.file_id!;
  const entry = record.files.get(id);
  if (!entry) throw resourceNotFound("Vector store file", id);
  if (route.operation.endsWith("/content")) {
    if (method !== "GET") throw methodNotAllowed();
    const data = entry.text === undefined ? [] : [{ type: "text", text: entry.text }];
    return jsonReply({ object: "vector_store.file_content.page", data, has_more: false, next_page: null });
  }
  if (method === "GET") return jsonReply(entry.file);
  if (method === "DELETE") {
    record.files.delete(id);
    refreshStore(record, req.store, req.now);
    return jsonReply({ id, object: "vector_store.file.deleted", deleted: true });
  }
  if (method !== "POST") throw methodNotAllowed();
  const body = parseJsonObject(req.raw);
  if (!("attributes" in body)) throw invalidPayload("'attributes' is a required property.", "attributes");
  entry.file.attributes = checkAttributes(body.attributes);
  return jsonReply(entry.file);
}

/** A page of files, with the list's `filter` by status. */
export function listFiles(entries: Iterable<VectorStoreFileRecord>, query: URLSearchParams) {
  const filter = query.get("filter");
  if (filter !== null && !STATUSES.includes(filter))
    throw invalidPayload(`'filter' must be one of ${STATUSES.join(", ")}.`, "filter");
  const files: VectorStoreFileWire[] = [];
  for (const { file } of entries) if (filter === null || file.status === filter) files.push(file);
  return vectorStorePage(files, query);
}
