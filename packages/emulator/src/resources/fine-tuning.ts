import { parseJsonObject } from "../body.js";
import { methodNotAllowed } from "../errors.js";
import { jsonReply, type Reply } from "../reply.js";
import { seconds, timeScale } from "./clock.js";
import type { ResourceRequest } from "./context.js";
import { refreshFile } from "./files.js";
import { advanceJob, event, isJobFinished } from "./job-lifecycle.js";
import type { JobRecord, JobWire } from "./job-record.js";
import { paginate } from "./pagination.js";
import { invalidPayload, resourceNotFound, wrongState } from "./resource-errors.js";

const SUFFIX = /^[A-Za-z0-9_-]{1,40}$/;
const DEFAULT_EPOCHS = 3;

/** `fine_tuning/jobs` and the routes of one job. */
export function fineTuningRoute(req: ResourceRequest): Reply {
  const { method, route, store, now } = req;
  if (route.operation === "fine_tuning/jobs") {
    if (method === "POST") return create(req);
    if (method !== "GET") throw methodNotAllowed();
    const jobs = [...store.jobs.values()].map((record) => {
      advanceJob(record, store, now);
      return record.job;
    });
    return jsonReply(paginate(jobs, route.query, 20, 100));
  }
  const id = route.params.job_id!;
  const record = store.jobs.get(id);
  if (!record) throw resourceNotFound("Fine-tuning job", id);
  advanceJob(record, store, now);
  const action = route.operation.slice("fine_tuning/jobs/{job_id}".length + 1);
  const expected = action === "" || action === "events" || action === "checkpoints" ? "GET" : "POST";
  if (method !== expected) throw methodNotAllowed();
  const { job } = record;
  switch (action) {
    case "events":
      return jsonReply(paginate(record.events, route.query, 20, 100));
    case "checkpoints":
      return jsonReply(paginate(record.checkpoints, route.query, 10, 100));
    case "cancel":
      if (isJobFinished(job.status)) throw wrongState(`The job is ${job.status}; it cannot be cancelled.`);
      job.status = "cancelled";
      job.finished_at = seconds(now);
      event(record, seconds(now), "Job cancelled.");
      break;
    case "pause":
      if (job.status !== "running")
        throw wrongState(`The job is ${job.status}; only a running job can be paused.`);
      job.status = "paused";
      record.pausedAt = now;
      event(record, seconds(now), "Job paused.");
      break;
    case "resume":
      if (job.status !== "paused")
        throw wrongState(`The job is ${job.status}; only a paused job can be resumed.`);
      job.status = "running";
      record.pausedMs += now - record.pausedAt!;
      record.pausedAt = undefined;
      event(record, seconds(now), "Job resumed.");
      break;
  }
  return jsonReply(job);
}

function create(req: ResourceRequest): Reply {
  const body = parseJsonObject(req.raw);
  const { model, suffix, seed } = body;
  if (typeof model !== "string" || !model) throw invalidPayload("'model' is a required property.", "model");
  const training = checkFile(req, body.training_file, "training_file", true)!;
  const validation = checkFile(req, body.validation_file, "validation_file", false);
  if (suffix != null && (typeof suffix !== "string" || !SUFFIX.test(suffix)))
    throw invalidPayload("'suffix' must be up to 40 characters of a-z, A-Z, 0-9, '-' and '_'.", "suffix");
  if (seed != null && !Number.isInteger(seed)) throw invalidPayload("'seed' must be an integer.", "seed");
  const hyper = (body.hyperparameters ?? {}) as Record<string, unknown>;
  const epochs = hyper.n_epochs;
  if (
    epochs != null &&
    epochs !== "auto" &&
    !(Number.isInteger(epochs) && (epochs as number) >= 1 && (epochs as number) <= 50)
  )
    throw invalidPayload(
      "'hyperparameters.n_epochs' must be 'auto' or an integer from 1 to 50.",
      "hyperparameters.n_epochs",
    );
  const id = req.store.newId("ftjob-");
  const job: JobWire = {
    object: "fine_tuning.job",
    id,
    model,
    created_at: seconds(req.now),
    finished_at: null,
    fine_tuned_model: null,
    organization_id: "",
    result_files: [],
    status: "validating_files",
    training_file: training,
    validation_file: validation ?? null,
    hyperparameters: {
      n_epochs: typeof epochs === "number" ? epochs : DEFAULT_EPOCHS,
      batch_size: typeof hyper.batch_size === "number" ? hyper.batch_size : 1,
      learning_rate_multiplier:
        typeof hyper.learning_rate_multiplier === "number" ? hyper.learning_rate_multiplier : 1,
    },
    trained_tokens: null,
    error: null,
    estimated_finish: null,
    seed: typeof seed === "number" ? seed : Number.parseInt(id.slice(6, 13), 16),
    suffix: typeof suffix === "string" ? suffix : null,
    ...(body.method !== undefined && { method: body.method }),
    ...(body.integrations !== undefined && { integrations: body.integrations }),
  };
  const record: JobRecord = {
    job,
    createdMs: req.now,
    scale: timeScale(req.headers, req.store.options.timeScale),
    pausedAt: undefined,
    pausedMs: 0,
    epochsDone: 0,
    examples: 0,
    events: [],
    checkpoints: [],
  };
  event(record, job.created_at, `Created fine-tuning job: ${id}`);
  req.store.addJob(record);
  return jsonReply(structuredClone(job), 201);
}

function checkFile(
  req: ResourceRequest,
  value: unknown,
  param: string,
  required: boolean,
): string | undefined {
  if (value == null && !required) return undefined;
  if (typeof value !== "string" || !value) throw invalidPayload(`'${param}' is a required property.`, param);
  const stored = req.store.files.get(value);
  if (!stored) throw invalidPayload(`The file '${value}' was not found.`, param);
  refreshFile(stored, req.now);
  const { file } = stored;
  if (file.purpose !== "fine-tune")
    throw invalidPayload(`The file '${value}' has purpose '${file.purpose}', not 'fine-tune'.`, param);
  if (file.status === "error")
    throw invalidPayload(`The file '${value}' failed processing: ${file.status_details}`, param);
  if (file.status !== "processed")
    throw invalidPayload(`The file '${value}' is ${file.status}; wait until it is processed.`, param);
  return value;
}
