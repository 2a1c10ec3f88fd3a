import { describe, expect, it } from "vitest";
import { deploymentUrl, postJson, sharedEmulator, USER_CHAT } from "./helpers.js";

const chat = deploymentUrl(sharedEmulator().url, "gpt-4o", "chat/completions");

describe("CORS", () => {
  it("answers preflight OPTIONS without auth", async () => {
    const res = await fetch(chat, {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:5173",
        "access-control-request-method": "POST",
        "access-control-request-headers": "api-key, content-type, x-aoai-emulator-fault",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
    expect(res.headers.get("access-control-allow-headers")).toBe(
      "api-key, content-type, x-aoai-emulator-fault",
    );
  });

  it("exposes the request-id, rate-limit and retry headers on responses", async () => {
    const { res } = await postJson(chat, USER_CHAT, { origin: "http://localhost:5173" });
    expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    const exposed = res.headers.get("access-control-expose-headers")!.split(", ");
    for (const h of [
      "apim-request-id",
      "x-request-id",
      "x-ratelimit-remaining-requests",
      "x-ratelimit-remaining-tokens",
      "retry-after",
      "retry-after-ms",
      "x-ms-region",
    ]) {
      expect(exposed).toContain(h);
    }
  });
});
