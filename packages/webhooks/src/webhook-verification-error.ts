import { AOAIError } from "@aoai/core";

/** Why a webhook request was refused. */
export type WebhookFailure =
  | "missing_header"
  | "invalid_timestamp"
  | "timestamp_out_of_tolerance"
  | "invalid_signature"
  | "invalid_payload";

/**
 * A webhook request that did not verify: answer it with 400 and do not act on it. `reason` says
 * which check failed; the message never shows the secret or a signature.
 */
export class WebhookVerificationError extends AOAIError {
  static override readonly kind: string = "WebhookVerificationError";
  readonly reason: WebhookFailure;

  constructor(reason: WebhookFailure, message: string) {
    super(message);
    this.reason = reason;
  }
}
