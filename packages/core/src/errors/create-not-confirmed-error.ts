import { AOAIError } from "./aoai-error.js";

/** What a create makes, and where to look for it: declared by the operation. */
export interface LastingObject {
  /** What the call makes, e.g. `"file"`, `"batch"`. */
  what: string;
  /** Where to look for it, e.g. `"FileClient.list()"`. */
  check: string;
}

/** A create's {@link LastingObject} with the error it ends in when it is not confirmed. */
export interface LastingCreate extends LastingObject {
  notConfirmed(cause: Error, sentAt: number, retryCount: number): Error;
}

/**
 * Marks an operation as a create of `object`. The error class comes with it, so only the packages
 * that create carry it in a browser bundle, not every one that retries.
 */
export function lasting(object: LastingObject): LastingCreate {
  return {
    ...object,
    notConfirmed: (cause, sentAt, retryCount) =>
      new CreateNotConfirmedError(object, cause, sentAt, retryCount),
  };
}

/**
 * A create that makes a lasting object (a stored file, a batch, a fine-tuning job) failed after
 * its request was sent: the answer was lost (a reset, a timeout) or was a server error (500, 502,
 * 504), so the service may have made the object. It was not sent again, which could have made a
 * second one (an orphan file, a batch billed twice). Look for it (`check`, an object created at
 * or after `sentAt`) before creating it again. `cause` is the failure itself.
 */
export class CreateNotConfirmedError extends AOAIError {
  static override readonly kind: string = "CreateNotConfirmedError";
  /** What the call makes, e.g. `"file"`. */
  readonly what: string;
  /** Where to look for it, e.g. `"FileClient.list()"`. */
  readonly check: string;
  /** When the request was sent, in Unix seconds, to compare with the objects' `created_at`. */
  readonly sentAt: number;
  /** Retries made before the failure (creates are retried only after failures that did nothing). */
  readonly retryCount: number;

  constructor(object: LastingObject, cause: Error, sentAt: number, retryCount: number) {
    super(
      `The ${object.what} may have been created: the request failed after it was sent (${cause.message}). ` +
        `It was not sent again, so as not to make a second one: look for it with ${object.check} ` +
        `(created_at ${sentAt} or later) before creating it again.`,
      { cause },
    );
    this.what = object.what;
    this.check = object.check;
    this.sentAt = sentAt;
    this.retryCount = retryCount;
  }
}
