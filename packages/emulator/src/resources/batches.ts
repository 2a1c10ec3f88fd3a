import { parseJsonObject } from "../body.js";
import { methodNotAllowed } from "../errors.js";
import { jsonReply, type Reply } from "../reply.js";
import { advanceBatch, cancelBatch } from "./batch-lifecycle.js";
import { endpointPath, type LineContext } from "./batch-line.js";
import type { BatchRecord, BatchWire } from "./batch-record.js";
import { seconds, timeScale } from "./clock.js";
import type { ResourceRequest } from "./context.js";
import { findFile } from "./files.js";
import { paginate } from "./pagination.js";
import { invalidPayload, resourceNotFound, wrongState } from "./resource-errors.js";

const ENDPOINTS = ["/chat/completions", "/embeddings"];
const DAY_S = 86_400;

/** `batches`, `batches/{batch_id}` and `batches/{batch_id}/cancel`. */
export function batchesRoute(req: ResourceRequest): Reply {
  const { method, route, store, now } = req;
  if (route.operation === "batches") {
    if (method === "POST") return create(req);
    if (method !== "GET") throw methodNotAllowed();
    const all = [...store.batches.values()].map((record) => {
      advanceBatch(record, store, lineContext(record, req), now);
      return record.batch;
    });
    return jsonReply(paginate(all, route.query, 20, 100));
  }
  const id = route.params.batch_id!;
  const record = store.batches.get(id);
  if (!record) throw resourceNotFound("Batch", id);
  advanceBatch(record, store, lineContext(record, req), now);
  if (route.operation === "batches/{batch_id}") {
    if (method !== "GET") throw methodNotAllowed();
    return jsonReply(record.batch);
  }
  if (method !== "POST") throw methodNotAllowed();
  const status = record.batch.status;
  if (status !== "validating" && status !== "in_progress")
    throw wrongState(`The batch is ${status}; only a validating or in-progress batch can be cancelled.`);
  cancelBatch(record, now);
  return jsonReply(record.batch);
}

function create(req: ResourceRequest): Reply {
  const body = parseJsonObject(req.raw);
  if (body.input_blob !== undefined || body.output_folder !== undefined)
    throw invalidPayload(
      "The emulator cannot reach Azure Storage: 'input_blob' and 'output_folder' are not emulated.",
      body.input_blob !== undefined ? "input_blob" : "output_folder",
    );
  const inputFileId = body.input_file_id;
  if (typeof inputFileId !== "string" || !inputFileId)
    throw invalidPayload("'input_file_id' is a required property.", "input_file_id");
  const endpoint = body.endpoint;
  if (typeof endpoint !== "string" || !ENDPOINTS.includes(endpointPath(endpoint)))
    throw invalidPayload(`'endpoint' must be one of ${ENDPOINTS.join(", ")}.`, "endpoint");
  if (body.completion_window !== "24h")
    throw invalidPayload("'completion_window' must be '24h'.", "completion_window");
  const metadata = body.metadata ?? null;
  if (
    metadata !== null &&
    (typeof metadata !== "object" ||
      Array.isArray(metadata) ||
      Object.values(metadata).some((v) => typeof v !== "string"))
  )
    throw invalidPayload("'metadata' must be an object of strings.", "metadata");
  const file = findFile(req.store, inputFileId, req.now).file;
  if (file.purpose !== "batch")
    throw invalidPayload(`The input file's purpose is '${file.purpose}', not 'batch'.`, "input_file_id");
  if (file.status !== "processed")
    throw invalidPayload(
      `The input file is ${file.status}; a batch can use it once it is processed.`,
      "input_file_id",
    );
  const created = seconds(req.now);
  const batch: BatchWire = {
    id: req.store.newId("batch_"),
    object: "batch",
    endpoint,
    errors: null,
    input_file_id: inputFileId,
    completion_window: "24h",
    status: "validating",
    output_file_id: null,
    error_file_id: null,
    created_at: created,
    in_progress_at: null,
    expires_at: created + DAY_S,
    finalizing_at: null,
    completed_at: null,
    failed_at: null,
    expired_at: null,
    cancelling_at: null,
    cancelled_at: null,
    request_counts: { total: 0, completed: 0, failed: 0 },
    metadata: metadata as Record<string, string> | null,
  };
  const record: BatchRecord = {
    batch,
    createdMs: req.now,
    scale: timeScale(req.headers, req.store.options.timeScale),
    lines: undefined,
    done: 0,
    output: [],
    errors: [],
    inProgressMs: 0,
    finalizingMs: 0,
    cancellingMs: 0,
  };
  req.store.addBatch(record);
  return jsonReply({ ...batch, request_counts: { ...batch.request_counts } });
}

function lineContext(record: BatchRecord, req: ResourceRequest): LineContext {
  return {
    batchId: record.batch.id,
    endpoint: endpointPath(record.batch.endpoint),
    apiVersion: req.route.apiVersion,
    deployments: req.store.options.deployments,
    baseUrl: req.baseUrl,
  };
}
