export { signWebhook, type WebhookHeaders } from "./sign-webhook.js";
export { type IncomingHeaders, type VerifyWebhookOptions, verifyWebhook } from "./verify-webhook.js";
export { VERSION } from "./version.js";
export type {
  BatchWebhookEvent,
  EvalRunWebhookEvent,
  FineTuningJobWebhookEvent,
  RealtimeCallIncomingWebhookEvent,
  ResponseWebhookEvent,
  WebhookEvent,
  WebhookEventEnvelope,
} from "./webhook-events.js";
export { type WebhookFailure, WebhookVerificationError } from "./webhook-verification-error.js";
