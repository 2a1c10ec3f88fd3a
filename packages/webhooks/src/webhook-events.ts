/** What every webhook event carries. */
export interface WebhookEventEnvelope<T extends string, D> {
  /** The event's id (`evt_…`), the same on every delivery of it: deduplicate on it. */
  id: string;
  object: "event";
  /** Unix seconds, when the event happened. */
  created_at: number;
  type: T;
  /** The object the event is about: fetch it by `id` for its details. */
  data: D;
}

/** A background response (`background: true`) ended. */
export type ResponseWebhookEvent = WebhookEventEnvelope<
  "response.completed" | "response.cancelled" | "response.failed" | "response.incomplete",
  { id: string }
>;

/** A batch ended. */
export type BatchWebhookEvent = WebhookEventEnvelope<
  "batch.completed" | "batch.cancelled" | "batch.expired" | "batch.failed",
  { id: string }
>;

/** A fine-tuning job ended. */
export type FineTuningJobWebhookEvent = WebhookEventEnvelope<
  "fine_tuning.job.succeeded" | "fine_tuning.job.failed" | "fine_tuning.job.cancelled",
  { id: string }
>;

/** An evaluation run ended. */
export type EvalRunWebhookEvent = WebhookEventEnvelope<
  "eval.run.succeeded" | "eval.run.failed" | "eval.run.canceled",
  { id: string }
>;

/** A SIP call came in to a realtime endpoint. */
export type RealtimeCallIncomingWebhookEvent = WebhookEventEnvelope<
  "realtime.call.incoming",
  { call_id: string; sip_headers: { name: string; value: string }[] }
>;

/**
 * A verified webhook event, told apart by `type`. An event of a type this version does not list
 * is returned as it came (a `type` outside the union).
 */
export type WebhookEvent =
  | ResponseWebhookEvent
  | BatchWebhookEvent
  | FineTuningJobWebhookEvent
  | EvalRunWebhookEvent
  | RealtimeCallIncomingWebhookEvent;
