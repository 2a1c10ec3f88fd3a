import type { WebhookEvent } from "./webhook-events.js";
import { signedContent, subtle, webhookKey } from "./webhook-key.js";
import { WebhookVerificationError } from "./webhook-verification-error.js";

/** Request headers as a fetch `Headers`, or Node's `req.headers` (any casing). */
export type IncomingHeaders =
  | { get(name: string): string | null }
  | Record<string, string | string[] | undefined>;

export interface VerifyWebhookOptions {
  /** Largest allowed gap between the request's timestamp and now, either way, in seconds. @default 300 */
  tolerance?: number;
  /** Now, in Unix seconds (tests, replays of a stored request). @default the clock */
  now?: number;
}

const DEFAULT_TOLERANCE_S = 300;

/**
 * Verifies a webhook request from Azure OpenAI and returns its event. Checks the
 * `webhook-timestamp` against now (so an old delivery cannot be replayed), then the
 * `webhook-signature` (HMAC-SHA256 of `{webhook-id}.{timestamp}.{body}` with the secret, compared
 * in constant time by Web Crypto), then that the body is an event. Pass the body exactly as
 * received (the raw text or bytes, never re-serialized JSON). Throws a
 * `WebhookVerificationError` (answer 400) when any check fails.
 */
export async function verifyWebhook(
  body: string | Uint8Array,
  headers: IncomingHeaders,
  secret: string,
  options: VerifyWebhookOptions = {},
): Promise<WebhookEvent> {
  const key = webhookKey(secret, "verify");
  const id = header(headers, "webhook-id");
  const timestamp = header(headers, "webhook-timestamp");
  const signatures = header(headers, "webhook-signature");
  checkTimestamp(timestamp, options);
  const content = signedContent(id, timestamp, body);
  const crypto = subtle();
  const hmac = await key;
  let valid = false;
  for (const entry of signatures.split(" ")) {
    const [version, signature] = entry.split(",", 2);
    const mac = version === "v1" && signature ? decode(signature) : undefined;
    if (mac && (await crypto.verify("HMAC", hmac, mac as BufferSource, content as BufferSource))) {
      valid = true;
      break;
    }
  }
  if (!valid)
    throw new WebhookVerificationError(
      "invalid_signature",
      "No webhook-signature matches the body and the secret: the request was not signed with this secret, or the body changed (verify the raw body, not re-serialized JSON).",
    );
  return parseEvent(body);
}

function header(headers: IncomingHeaders, name: string): string {
  let value: string | string[] | null | undefined;
  if (typeof headers.get === "function") value = (headers as { get(name: string): string | null }).get(name);
  else {
    const record = headers as Record<string, string | string[] | undefined>;
    value = record[name];
    if (value === undefined)
      for (const key in record)
        if (key.toLowerCase() === name) {
          value = record[key];
          break;
        }
  }
  const text = Array.isArray(value) ? value.join(" ") : value;
  if (!text) throw new WebhookVerificationError("missing_header", `The request has no ${name} header.`);
  return text;
}

function checkTimestamp(timestamp: string, options: VerifyWebhookOptions): void {
  if (!/^\d{1,12}$/.test(timestamp))
    throw new WebhookVerificationError("invalid_timestamp", "webhook-timestamp is not Unix seconds.");
  const now = options.now ?? Date.now() / 1000;
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE_S;
  const age = now - Number(timestamp);
  if (Math.abs(age) > tolerance)
    throw new WebhookVerificationError(
      "timestamp_out_of_tolerance",
      age > 0
        ? `The request was signed ${Math.round(age)} s ago, more than the ${tolerance} s allowed (a replay?).`
        : `The request is dated ${Math.round(-age)} s in the future, more than the ${tolerance} s allowed (clock skew?).`,
    );
}

function decode(base64: string): Uint8Array | undefined {
  try {
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function parseEvent(body: string | Uint8Array): WebhookEvent {
  let event: unknown;
  try {
    event = JSON.parse(typeof body === "string" ? body : new TextDecoder().decode(body));
  } catch {
    event = undefined;
  }
  const type = (event as { type?: unknown } | null | undefined)?.type;
  if (!event || typeof event !== "object" || Array.isArray(event) || typeof type !== "string")
    throw new WebhookVerificationError(
      "invalid_payload",
      "The signed body is not a webhook event (no type).",
    );
  return event as WebhookEvent;
}
