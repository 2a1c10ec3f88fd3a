import { isMultipart } from "../body.js";
import { methodNotAllowed } from "../errors.js";
import { parseMultipart } from "../multipart.js";
import { jsonReply, type Reply } from "../reply.js";
import { seconds, timeScale } from "./clock.js";
import type { ResourceRequest } from "./context.js";
import { fineTuneFileProblem, jsonlLines } from "./jsonl.js";
import { paginate } from "./pagination.js";
import { invalidPayload, resourceNotFound } from "./resource-errors.js";
import type { ResourceStore, StoredFile } from "./store.js";

/** Purposes a user may upload a file for; `*_output` and `*-results` files are the service's. */
const UPLOAD_PURPOSES = ["fine-tune", "batch", "assistants", "vision", "user_data", "evals"];

// Processing an upload takes this long at time scale 1.
const PROCESSING_MS = 500;
const MIN_EXPIRY_S = 1_209_600;
const MAX_EXPIRY_S = 2_592_000;

/** `files`, `files/{file_id}` and `files/{file_id}/content`. */
export function filesRoute(req: ResourceRequest): Reply {
  const { method, route, store, now } = req;
  if (route.operation === "files") {
    if (method === "POST") return upload(req);
    if (method !== "GET") throw methodNotAllowed();
    const purpose = route.query.get("purpose");
    const files: StoredFile["file"][] = [];
    for (const stored of store.files.values()) {
      refreshFile(stored, now);
      if (purpose === null || stored.file.purpose === purpose) files.push(stored.file);
    }
    return jsonReply(paginate(files, route.query, 10_000, 10_000));
  }
  const id = route.params.file_id!;
  const stored = findFile(store, id, now);
  if (route.operation === "files/{file_id}/content") {
    if (method !== "GET") throw methodNotAllowed();
    return { kind: "raw", status: 200, contentType: "application/octet-stream", body: stored.data };
  }
  if (method === "GET") return jsonReply(stored.file);
  if (method !== "DELETE") throw methodNotAllowed();
  store.deleteFile(id);
  return jsonReply({ object: "file", id, deleted: true });
}

/** The stored file `id`, its status brought up to `now`, or a 404. */
export function findFile(store: ResourceStore, id: string, now: number): StoredFile {
  const stored = store.files.get(id);
  if (!stored) throw resourceNotFound("File", id);
  refreshFile(stored, now);
  return stored;
}

/** Ends processing once its time has come: a fine-tuning file is checked line by line. */
export function refreshFile(stored: StoredFile, now: number): void {
  const { file } = stored;
  if (file.status !== "pending" || now < stored.readyAt) return;
  const problem = file.purpose === "fine-tune" ? fineTuneFileProblem(jsonlLines(stored.data)) : undefined;
  file.status = problem ? "error" : "processed";
  file.status_details = problem ?? null;
}

/** Stores a file the service made (batch output, fine-tuning results): processed at once. */
export function storeOutputFile(
  store: ResourceStore,
  purpose: string,
  filename: string,
  data: Buffer,
  now: number,
): string {
  const id = store.newId("file-");
  store.addFile({
    file: {
      object: "file",
      id,
      purpose,
      filename,
      bytes: data.length,
      created_at: seconds(now),
      status: "processed",
      status_details: null,
    },
    data,
    readyAt: now,
  });
  return id;
}

function upload(req: ResourceRequest): Reply {
  const type = req.headers["content-type"];
  if (!req.multipart || !isMultipart(type))
    throw invalidPayload("Uploading a file requires a multipart/form-data body.");
  const { fields, files } = parseMultipart(req.raw, type!);
  const purpose = text(fields.purpose);
  if (purpose === undefined) throw invalidPayload("'purpose' is a required field.", "purpose");
  if (!UPLOAD_PURPOSES.includes(purpose))
    throw invalidPayload(
      `'purpose' must be one of ${UPLOAD_PURPOSES.join(", ")}; got '${purpose}'.`,
      "purpose",
    );
  const part = files.file;
  if (!part) throw invalidPayload("'file' is a required field.", "file");
  if (part.data.length === 0) throw invalidPayload("The file is empty.", "file");
  const limit = req.store.options.maxFileBytes;
  if (part.data.length > limit)
    throw invalidPayload(`The file is ${part.data.length} bytes; the limit is ${limit}.`, "file");
  const created = seconds(req.now);
  const expiresAt = expiry(fields, created);
  const id = req.store.newId("file-");
  const file: StoredFile["file"] = {
    object: "file",
    id,
    purpose,
    filename: part.filename || "file",
    bytes: part.data.length,
    created_at: created,
    status: "pending",
    status_details: null,
    ...(expiresAt !== undefined && { expires_at: expiresAt }),
  };
  const scale = timeScale(req.headers, req.store.options.timeScale);
  req.store.addFile({ file, data: part.data, readyAt: req.now + PROCESSING_MS * scale });
  // The answer is a snapshot: the file is `pending` until a later request finds it processed.
  return jsonReply({ ...file }, 201);
}

function expiry(fields: Record<string, string | string[]>, created: number): number | undefined {
  const anchor = text(fields["expires_after.anchor"] ?? fields["expires_after[anchor]"]);
  const rawSeconds = text(fields["expires_after.seconds"] ?? fields["expires_after[seconds]"]);
  if (anchor === undefined && rawSeconds === undefined) return undefined;
  if (anchor !== "created_at")
    throw invalidPayload("'expires_after.anchor' must be 'created_at'.", "expires_after.anchor");
  const after = Number(rawSeconds);
  if (!Number.isInteger(after) || after < MIN_EXPIRY_S || after > MAX_EXPIRY_S)
    throw invalidPayload(
      `'expires_after.seconds' must be an integer from ${MIN_EXPIRY_S} to ${MAX_EXPIRY_S}.`,
      "expires_after.seconds",
    );
  return created + after;
}

function text(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
