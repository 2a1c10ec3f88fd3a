import { AOAIError } from "@aoai/core";
import type { Batch, BatchErrorData } from "./response-types.js";

/** A batch ended `failed`: its input did not validate. `errors` are the service's reasons. */
export class BatchFailedError extends AOAIError {
  static override readonly kind: string = "BatchFailedError";
  readonly batch: Batch;
  readonly errors: BatchErrorData[];

  constructor(batch: Batch) {
    const errors = batch.errors?.data ?? [];
    const first = errors[0];
    const where = first?.line != null ? ` (line ${first.line})` : "";
    const more = errors.length > 1 ? ` and ${errors.length - 1} more error(s)` : "";
    super(`Batch ${batch.id} failed${first ? `: ${first.code}: ${first.message}${where}${more}` : "."}`);
    this.batch = batch;
    this.errors = errors;
  }
}
