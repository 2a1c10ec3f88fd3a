import { parseJsonObject } from "../body.js";
import { methodNotAllowed } from "../errors.js";
import { jsonReply, type Reply } from "../reply.js";
import { seconds } from "./clock.js";
import type { ResourceRequest } from "./context.js";
import { resourceNotFound, wrongState } from "./resource-errors.js";
import { listFiles } from "./vector-store-files.js";
import { checkAttributes } from "./vector-store-filters.js";
import { addFiles, chunkingOf, fileIdsOf, refreshStore } from "./vector-store-lifecycle.js";
import { noFiles, type VectorStoreBatchRecord, type VectorStoreRecord } from "./vector-store-record.js";

/** `…/file_batches`, `…/file_batches/{batch_id}`, its `cancel` and its `files`. */
export function vectorStoreBatchesRoute(req: ResourceRequest, record: VectorStoreRecord): Reply {
  const { method, route, now } = req;
  if (route.operation.endsWith("/file_batches")) {
    if (method !== "POST") throw methodNotAllowed();
    const body = parseJsonObject(req.raw);
    const ids = [...new Set(fileIdsOf(body.file_ids, true))];
    const strategy = chunkingOf(body.chunking_strategy);
    const attributes = checkAttributes(body.attributes);
    const batch: VectorStoreBatchRecord = {
      batch: {
        id: req.store.newId("vsfb_"),
        object: "vector_store.files_batch",
        created_at: seconds(now),
        vector_store_id: record.store.id,
        status: "in_progress",
        file_counts: noFiles(),
      },
      fileIds: ids,
    };
    addFiles(record, req.store, ids, { strategy, attributes, batchId: batch.batch.id }, now);
    record.batches.set(batch.batch.id, batch);
    refreshStore(record, req.store, now);
    return jsonReply(structuredClone(batch.batch));
  }
  const id = route.params.batch_id!;
  const batch = record.batches.get(id);
  if (!batch) throw resourceNotFound("Vector store file batch", id);
  if (route.operation.endsWith("/files")) {
    if (method !== "GET") throw methodNotAllowed();
    const entries = batch.fileIds.flatMap((fileId) => {
      const entry = record.files.get(fileId);
      return entry?.batchId === id ? [entry] : [];
    });
    return jsonReply(listFiles(entries, route.query));
  }
  if (route.operation.endsWith("/cancel")) {
    if (method !== "POST") throw methodNotAllowed();
    if (batch.batch.status !== "in_progress")
      throw wrongState(`The batch is ${batch.batch.status}; only an in-progress batch can be cancelled.`);
    // Files not yet indexed stop; the ones done stay in the store.
    for (const fileId of batch.fileIds) {
      const entry = record.files.get(fileId);
      if (entry?.batchId === id && entry.file.status === "in_progress") entry.file.status = "cancelled";
    }
    batch.batch.status = "cancelled";
    refreshStore(record, req.store, now);
    return jsonReply(batch.batch);
  }
  if (method !== "GET") throw methodNotAllowed();
  return jsonReply(batch.batch);
}
