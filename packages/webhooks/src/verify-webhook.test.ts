import { describe, expect, it } from "vitest";
import { signWebhook } from "./sign-webhook.js";
import { verifyWebhook } from "./verify-webhook.js";
import { WebhookVerificationError } from "./webhook-verification-error.js";

// The Standard Webhooks reference vector (the scheme's own docs): an independent check that the
// signed content, the key and the encoding are the scheme's.
const REFERENCE = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};

const SECRET = "whsec_c2VjcmV0LWZvci10ZXN0cy1vbmx5LTAxMjM0NTY3";
const NOW = 1_760_000_000;
const event = {
  id: "evt_685343a1381c819085d44c354e1b330e",
  object: "event",
  created_at: NOW - 2,
  type: "batch.completed",
  data: { id: "batch_abc123" },
};

async function signed(body = JSON.stringify(event), timestamp = NOW) {
  return { body, headers: await signWebhook(body, SECRET, { id: "wh_1", timestamp }) };
}

async function reason(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(WebhookVerificationError.isInstance(error)).toBe(true);
  return (error as WebhookVerificationError).reason;
}

describe("verifyWebhook", () => {
  it("checks the Standard Webhooks reference vector", async () => {
    const headers = {
      "webhook-id": REFERENCE.id,
      "webhook-timestamp": String(REFERENCE.timestamp),
      "webhook-signature": REFERENCE.signature,
    };
    // The reference payload has no `type`: the signature passes, the payload is then refused.
    expect(
      await reason(verifyWebhook(REFERENCE.body, headers, REFERENCE.secret, { now: REFERENCE.timestamp })),
    ).toBe("invalid_payload");
    // One byte off (the last character's low bits are base64 padding, so the first one is changed).
    const tampered = { ...headers, "webhook-signature": "v1,h0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=" };
    expect(
      await reason(verifyWebhook(REFERENCE.body, tampered, REFERENCE.secret, { now: REFERENCE.timestamp })),
    ).toBe("invalid_signature");
  });

  it("signs as the reference does", async () => {
    const headers = await signWebhook(REFERENCE.body, REFERENCE.secret, {
      id: REFERENCE.id,
      timestamp: REFERENCE.timestamp,
    });
    expect(headers["webhook-signature"]).toBe(REFERENCE.signature);
  });

  it("returns the typed event for a good signature, from a string or bytes, any header casing", async () => {
    const { body, headers } = await signed();
    const result = await verifyWebhook(body, headers, SECRET, { now: NOW });
    expect(result).toEqual(event);
    if (result.type === "batch.completed") expect(result.data.id).toBe("batch_abc123");
    const upper = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    expect(await verifyWebhook(new TextEncoder().encode(body), upper, SECRET, { now: NOW })).toEqual(event);
    expect(await verifyWebhook(body, new Headers(headers), SECRET, { now: NOW })).toEqual(event);
  });

  it("accepts any one valid signature among several (secret rotation)", async () => {
    const { body, headers } = await signed();
    const rotated = { ...headers, "webhook-signature": `v1,AAAA v2,xyz ${headers["webhook-signature"]}` };
    expect(await verifyWebhook(body, rotated, SECRET, { now: NOW })).toEqual(event);
  });

  it("refuses a changed body, another secret, and a signature of another scheme version", async () => {
    const { body, headers } = await signed();
    expect(await reason(verifyWebhook(`${body} `, headers, SECRET, { now: NOW }))).toBe("invalid_signature");
    expect(
      await reason(verifyWebhook(body, headers, "whsec_b3RoZXItc2VjcmV0LW90aGVyLXNlY3JldA==", { now: NOW })),
    ).toBe("invalid_signature");
    const v2 = { ...headers, "webhook-signature": headers["webhook-signature"].replace("v1,", "v2,") };
    expect(await reason(verifyWebhook(body, v2, SECRET, { now: NOW }))).toBe("invalid_signature");
  });

  it("refuses a timestamp outside the tolerance, either way, and honours a wider one", async () => {
    const old = await signed(undefined, NOW - 301);
    expect(await reason(verifyWebhook(old.body, old.headers, SECRET, { now: NOW }))).toBe(
      "timestamp_out_of_tolerance",
    );
    const future = await signed(undefined, NOW + 301);
    expect(await reason(verifyWebhook(future.body, future.headers, SECRET, { now: NOW }))).toBe(
      "timestamp_out_of_tolerance",
    );
    expect(await verifyWebhook(old.body, old.headers, SECRET, { now: NOW, tolerance: 600 })).toEqual(event);
    const edge = await signed(undefined, NOW - 300);
    expect(await verifyWebhook(edge.body, edge.headers, SECRET, { now: NOW })).toEqual(event);
  });

  it("refuses missing headers and a malformed timestamp before any crypto", async () => {
    const { body, headers } = await signed();
    for (const name of ["webhook-id", "webhook-timestamp", "webhook-signature"] as const) {
      const { [name]: _, ...rest } = headers;
      expect(await reason(verifyWebhook(body, rest, SECRET, { now: NOW }))).toBe("missing_header");
    }
    for (const bad of ["", "12.5", "abc", "1e9"])
      expect(
        await reason(verifyWebhook(body, { ...headers, "webhook-timestamp": bad }, SECRET, { now: NOW })),
      ).toBe(bad === "" ? "missing_header" : "invalid_timestamp");
  });

  it("refuses a signed body that is not an event", async () => {
    for (const payload of ["not json", "[]", '{"id":"evt_1"}']) {
      const s = await signed(payload);
      expect(await reason(verifyWebhook(s.body, s.headers, SECRET, { now: NOW }))).toBe("invalid_payload");
    }
  });

  it("refuses an empty secret, and never shows the secret or the signature in its message", async () => {
    const { body, headers } = await signed();
    await expect(verifyWebhook(body, headers, "", { now: NOW })).rejects.toThrow(/secret/);
    const error = await verifyWebhook(`${body}x`, headers, SECRET, { now: NOW }).catch((e: Error) => e);
    expect(String(error)).not.toContain(SECRET.slice(6));
    expect(String(error)).not.toContain(headers["webhook-signature"].slice(3));
  });
});
