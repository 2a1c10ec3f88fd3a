import { signedContent, subtle, webhookKey } from "./webhook-key.js";

/**
 * The three headers of a signed webhook request (a type, not an interface, so it can be handed
 * straight to `fetch` or `verifyWebhook` as a header record).
 */
export type WebhookHeaders = {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
};

/**
 * Signs a body as Azure OpenAI does (Standard Webhooks, `v1` HMAC-SHA256), for testing a webhook
 * handler without the service: send `body` with the returned headers.
 */
export async function signWebhook(
  body: string | Uint8Array,
  secret: string,
  options: {
    /** The delivery's id. */
    id: string;
    /** Unix seconds. @default now */
    timestamp?: number;
  },
): Promise<WebhookHeaders> {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const key = await webhookKey(secret, "sign");
  const mac = new Uint8Array(
    await subtle().sign("HMAC", key, signedContent(options.id, timestamp, body) as BufferSource),
  );
  return {
    "webhook-id": options.id,
    "webhook-timestamp": timestamp,
    "webhook-signature": `v1,${btoa(String.fromCharCode(...mac))}`,
  };
}
