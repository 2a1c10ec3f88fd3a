/** A fine-tuning job object on the wire. */
export interface JobWire {
  object: "fine_tuning.job";
  id: string;
  model: string;
  created_at: number;
  finished_at: number | null;
  fine_tuned_model: string | null;
  organization_id: string;
  result_files: string[];
  status: string;
  training_file: string;
  validation_file: string | null;
  hyperparameters: { n_epochs: number; batch_size: number; learning_rate_multiplier: number };
  trained_tokens: number | null;
  error: { code: string; message: string; param: string | null } | null;
  estimated_finish: number | null;
  seed: number;
  suffix: string | null;
  method?: unknown;
  integrations?: unknown;
}

/** A job event on the wire. */
export interface JobEventWire {
  object: "fine_tuning.job.event";
  id: string;
  created_at: number;
  level: "info" | "warning" | "error";
  message: string;
  type: "message" | "metrics";
  data: Record<string, unknown> | null;
}

/** A checkpoint on the wire. */
interface CheckpointWire {
  object: "fine_tuning.job.checkpoint";
  id: string;
  created_at: number;
  fine_tuned_model_checkpoint: string;
  fine_tuning_job_id: string;
  metrics: Record<string, number>;
  step_number: number;
}

/** A job and its timeline; its clock stops while it is paused. */
export interface JobRecord {
  job: JobWire;
  createdMs: number;
  scale: number;
  /** When it was paused (ms since the epoch), while it is. */
  pausedAt: number | undefined;
  /** Time spent paused so far, ms. */
  pausedMs: number;
  epochsDone: number;
  /** Training examples in the training file, counted when validated. */
  examples: number;
  events: JobEventWire[];
  checkpoints: CheckpointWire[];
}
