/** Training settings; `"auto"` (or leaving one out) lets the service choose. */
export interface FineTuningHyperparameters {
  /** Passes over the training file. */
  n_epochs?: number | "auto";
  /** Examples per forward and backward pass. */
  batch_size?: number | "auto";
  /** Scales the pre-training learning rate; 0.02 to 0.2 is a common range. */
  learning_rate_multiplier?: number | "auto";
  [field: string]: unknown;
}

/** The training method: supervised, or DPO (preference pairs) with its own hyperparameters. */
export interface FineTuningMethod {
  type: "supervised" | "dpo" | (string & {});
  supervised?: { hyperparameters?: FineTuningHyperparameters };
  dpo?: { hyperparameters?: FineTuningHyperparameters & { beta?: number | "auto" } };
  [field: string]: unknown;
}

/** `POST /fine_tuning/jobs`. */
export interface FineTuningJobCreateRequest {
  /** The base model, e.g. `gpt-4o-mini-2024-07-18` (a model name, not a deployment). */
  model: string;
  /** An uploaded, processed file with `purpose: "fine-tune"`. */
  training_file: string;
  /** A file to compute validation metrics with during training. */
  validation_file?: string;
  hyperparameters?: FineTuningHyperparameters;
  /** The training method (newer API versions only). */
  method?: FineTuningMethod;
  /** Up to 40 characters (a-z, A-Z, 0-9, `-`, `_`) added to the fine-tuned model's name. */
  suffix?: string;
  /** The same seed and parameters should give the same job results. */
  seed?: number;
  /** Integrations such as Weights & Biases (newer API versions only). */
  integrations?: readonly Record<string, unknown>[];
  /** Other fields are sent as they are. */
  [field: string]: unknown;
}

/** Query of the fine-tuning lists (jobs, events, checkpoints). */
export interface FineTuningListQuery {
  /** Items per page. @default the service's (20 jobs or events, 10 checkpoints) */
  limit?: number;
  /** The id of the last item of the previous page. */
  after?: string;
}
