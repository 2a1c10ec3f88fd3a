import { fnv1a } from "../hash.js";
import { seconds } from "./clock.js";
import { refreshFile, storeOutputFile } from "./files.js";
import type { JobEventWire, JobRecord } from "./job-record.js";
import { jsonlLines } from "./jsonl.js";
import type { ResourceStore } from "./store.js";

// Phase durations at time scale 1.
const VALIDATING_MS = 1000;
const QUEUED_MS = 1000;
const RUNNING_MS = 3000;
/** The service's minimum of training examples. */
const MIN_EXAMPLES = 10;

const TERMINAL = new Set(["succeeded", "failed", "cancelled"]);

/** True once a job can change no more. */
export const isJobFinished = (status: string): boolean => TERMINAL.has(status);

/**
 * Brings a job up to `now` on its own clock (stopped while paused): validating_files -> queued ->
 * running (a metrics event and a checkpoint per epoch) -> succeeded, with a results file and the
 * fine-tuned model's name; or failed when the training file has fewer than 10 examples.
 */
export function advanceJob(record: JobRecord, store: ResourceStore, now: number): void {
  const { job } = record;
  const clock = (record.pausedAt ?? now) - record.pausedMs - record.createdMs;
  const ms = (base: number) => base * record.scale;
  // Real time of a point on the job's clock, for timestamps.
  const real = (at: number) => seconds(Math.min(now, record.createdMs + record.pausedMs + at));
  for (let step = 0; step < 3 + job.hyperparameters.n_epochs && !TERMINAL.has(job.status); step++) {
    if (job.status === "validating_files") {
      const at = ms(VALIDATING_MS);
      if (clock < at) return;
      const problem = trainingFileProblem(record, store, now);
      if (problem) {
        job.status = "failed";
        job.finished_at = real(at);
        job.error = { code: "invalid_training_file", message: problem, param: "training_file" };
        event(record, real(at), `Training file validation failed: ${problem}`, "error");
        return;
      }
      job.status = "queued";
      event(record, real(at), "Training file validated. Job enqueued.");
    } else if (job.status === "queued") {
      const at = ms(VALIDATING_MS + QUEUED_MS);
      if (clock < at) return;
      job.status = "running";
      job.estimated_finish = real(at) + Math.ceil(ms(RUNNING_MS) / 1000);
      event(record, real(at), "Fine-tuning job started.");
    } else if (job.status === "running") {
      const epochs = job.hyperparameters.n_epochs;
      const start = ms(VALIDATING_MS + QUEUED_MS);
      const next = record.epochsDone + 1;
      const at = start + (ms(RUNNING_MS) * next) / epochs;
      if (clock < at) return;
      epochDone(record, next, real(at));
      if (next === epochs) succeed(record, store, real(at), now);
    }
  }
}

/** Adds an event, newest last. */
export function event(
  record: JobRecord,
  createdAt: number,
  message: string,
  level: JobEventWire["level"] = "info",
  data: Record<string, unknown> | null = null,
): void {
  record.events.push({
    object: "fine_tuning.job.event",
    id: `ftevent-${record.job.id.slice(6, 22)}${String(record.events.length).padStart(8, "0")}`,
    created_at: createdAt,
    level,
    message,
    type: data ? "metrics" : "message",
    data,
  });
}

function trainingFileProblem(record: JobRecord, store: ResourceStore, now: number): string | undefined {
  const stored = store.files.get(record.job.training_file);
  if (!stored) return "The training file no longer exists.";
  refreshFile(stored, now);
  record.examples = jsonlLines(stored.data).length;
  if (record.examples < MIN_EXAMPLES)
    return `The training file has ${record.examples} example(s); at least ${MIN_EXAMPLES} are required.`;
  return undefined;
}

function epochDone(record: JobRecord, epoch: number, at: number): void {
  const { job } = record;
  const steps = Math.max(1, Math.ceil(record.examples / job.hyperparameters.batch_size));
  const step = steps * epoch;
  // Losses fall epoch by epoch, with a little per-job noise.
  const noise = (fnv1a(`${job.id}:${epoch}`) % 1000) / 100_000;
  const metrics = {
    step,
    train_loss: round(1.2 / (epoch + 1) + noise),
    train_mean_token_accuracy: round(0.6 + 0.3 * (epoch / job.hyperparameters.n_epochs) - noise),
    ...(job.validation_file && {
      valid_loss: round(1.3 / (epoch + 1) + noise),
      valid_mean_token_accuracy: round(0.55 + 0.3 * (epoch / job.hyperparameters.n_epochs) - noise),
    }),
  };
  record.epochsDone = epoch;
  event(record, at, `Step ${step}: training loss=${metrics.train_loss}`, "info", metrics);
  record.checkpoints.push({
    object: "fine_tuning.job.checkpoint",
    id: `ftchkpt-${job.id.slice(6, 22)}${String(epoch).padStart(8, "0")}`,
    created_at: at,
    fine_tuned_model_checkpoint: `${modelName(record)}:ckpt-step-${step}`,
    fine_tuning_job_id: job.id,
    metrics,
    step_number: step,
  });
}

function succeed(record: JobRecord, store: ResourceStore, at: number, now: number): void {
  const { job } = record;
  const rows = record.checkpoints.map(
    (c) => `${c.step_number},${c.metrics.train_loss},${c.metrics.train_mean_token_accuracy}`,
  );
  const csv = Buffer.from(`step,train_loss,train_mean_token_accuracy\n${rows.join("\n")}\n`);
  job.result_files = [storeOutputFile(store, "fine-tune-results", "results.csv", csv, now)];
  job.fine_tuned_model = modelName(record);
  job.trained_tokens = record.examples * 100 * job.hyperparameters.n_epochs;
  job.status = "succeeded";
  job.finished_at = at;
  job.estimated_finish = null;
  event(record, at, `New fine-tuned model created: ${job.fine_tuned_model}`);
  event(record, at, "The job has successfully completed.");
}

function modelName(record: JobRecord): string {
  const { job } = record;
  return `${job.model}.ft-${job.id.slice(6, 38)}${job.suffix ? `-${job.suffix}` : ""}`;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
