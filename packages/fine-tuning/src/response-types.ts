import type { FineTuningHyperparameters, FineTuningMethod } from "./request-types.js";

/**
 * A job's status. `validating_files`, `queued`, `running`, then `succeeded`; or `failed` (with
 * `error`) or `cancelled`. A running job can be `paused` and resumed (`pausing`, `resuming` on the
 * way). Azure's specs also name `created` and `pending`.
 */
export type FineTuningJobStatus =
  | "validating_files"
  | "queued"
  | "running"
  | "succeeded"
  | "failed"
  | "cancelled"
  | "pausing"
  | "paused"
  | "resuming"
  | "created"
  | "pending";

/** Why a job failed. */
export interface FineTuningJobError {
  code: string;
  message: string;
  /** The field at fault, usually `training_file` or `validation_file`. */
  param?: string | null;
}

/** A fine-tuning job, as the service describes it. Timestamps are Unix seconds. */
export interface FineTuningJob {
  object: "fine_tuning.job";
  id: string;
  model: string;
  status: FineTuningJobStatus;
  created_at: number;
  finished_at?: number | null;
  /** The fine-tuned model's name, once the job succeeded: deploy it to use it. */
  fine_tuned_model?: string | null;
  training_file: string;
  validation_file?: string | null;
  /** Files of training metrics (CSV), once the job succeeded. */
  result_files?: string[];
  hyperparameters?: FineTuningHyperparameters;
  method?: FineTuningMethod;
  trained_tokens?: number | null;
  error?: FineTuningJobError | null;
  estimated_finish?: number | null;
  suffix?: string | null;
  seed?: number;
  organization_id?: string | null;
  integrations?: Record<string, unknown>[] | null;
}

/** An event of a job: a status change, a message, or training metrics (`type: "metrics"`). */
export interface FineTuningJobEvent {
  object: "fine_tuning.job.event";
  id: string;
  created_at: number;
  level: "info" | "warning" | "error";
  message: string;
  type?: "message" | "metrics";
  /** Machine-readable data, e.g. `{ step, train_loss }` for metrics. */
  data?: Record<string, unknown> | null;
}

/** A checkpoint: a model saved at the end of an epoch, usable like the final one. */
export interface FineTuningJobCheckpoint {
  object: "fine_tuning.job.checkpoint";
  id: string;
  created_at: number;
  fine_tuned_model_checkpoint: string;
  fine_tuning_job_id: string;
  step_number: number;
  metrics: Record<string, number>;
}
