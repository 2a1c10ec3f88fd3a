import { AOAIError } from "./aoai-error.js";

/**
 * A wait (`waitForProcessing`, `waitForCompletion`) reached its `waitTimeout` before the file,
 * batch or job finished. The resource itself goes on: `last` is what the latest poll saw.
 */
export class WaitTimeoutError<T = unknown> extends AOAIError {
  static override readonly kind: string = "WaitTimeoutError";
  readonly timeoutMs: number;
  /** The latest state polled, or `undefined` when no poll answered in time. */
  readonly last: T | undefined;

  constructor(what: string, timeoutMs: number, last: T | undefined, options?: { cause?: unknown }) {
    const status = (last as { status?: unknown } | undefined)?.status;
    super(
      `${what} did not finish within ${timeoutMs} ms${typeof status === "string" ? ` (last status: ${status})` : ""}.`,
      options,
    );
    this.timeoutMs = timeoutMs;
    this.last = last;
  }
}
