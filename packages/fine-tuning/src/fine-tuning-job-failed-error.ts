import { AOAIError } from "@aoai/core";
import type { FineTuningJob, FineTuningJobError } from "./response-types.js";

/** A fine-tuning job ended `failed`; `error` is the service's reason. */
export class FineTuningJobFailedError extends AOAIError {
  static override readonly kind: string = "FineTuningJobFailedError";
  readonly job: FineTuningJob;
  readonly error: FineTuningJobError | undefined;

  constructor(job: FineTuningJob) {
    const error = job.error ?? undefined;
    super(`Fine-tuning job ${job.id} failed${error ? `: ${error.code}: ${error.message}` : "."}`);
    this.job = job;
    this.error = error;
  }
}
