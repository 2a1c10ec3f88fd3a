import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhook, WebhookVerificationError } from "../src/index.js";
import { eventBody } from "./helpers.js";

// The same calls in headless Chromium: Web Crypto only, no Node API (as an edge runtime).
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

describe("webhooks in a browser runtime", () => {
  it("signs the Standard Webhooks reference vector", async () => {
    const headers = await signWebhook('{"test": 2432232314}', SECRET, {
      id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
      timestamp: 1614265330,
    });
    expect(headers["webhook-signature"]).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });

  it("verifies a fetch Request's headers and body, and refuses a changed one", async () => {
    const body = eventBody("evt_1", "response.completed", "resp_1");
    const headers = await signWebhook(body, SECRET, { id: "wh_1" });
    const request = new Request("https://app.example/webhook", {
      method: "POST",
      headers: { ...headers },
      body,
    });
    const event = await verifyWebhook(await request.text(), request.headers, SECRET);
    expect(event.type).toBe("response.completed");
    const error = await verifyWebhook(`${body} `, request.headers, SECRET).catch((e: unknown) => e);
    expect(WebhookVerificationError.isInstance(error)).toBe(true);
  });
});
