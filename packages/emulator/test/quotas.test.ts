import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../src/index.js";
import { deploymentUrl, postJson, USER_CHAT } from "./helpers.js";

describe("per-deployment quotas", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({
      quotas: { "gpt-4o": { requestsPerMinute: 2 }, "gpt-4o-mini": { tokensPerMinute: 100 } },
      quotaWindowMs: 2000,
    });
  });
  afterAll(() => emulator.close());

  it("answers Azure's 429 past a deployment's requests per minute, then admits again after retry-after-ms", async () => {
    const url = deploymentUrl(emulator.url, "gpt-4o", "chat/completions");
    const first = await postJson(url, USER_CHAT);
    expect(first.res.status).toBe(200);
    expect(first.res.headers.get("x-ratelimit-limit-requests")).toBe("2");
    expect(first.res.headers.get("x-ratelimit-remaining-requests")).toBe("1");
    expect((await postJson(url, USER_CHAT)).res.headers.get("x-ratelimit-remaining-requests")).toBe("0");
    const refused = await postJson(url, USER_CHAT);
    expect(refused.res.status).toBe(429);
    const waitMs = Number(refused.res.headers.get("retry-after-ms"));
    expect(waitMs).toBeGreaterThan(0);
    expect(waitMs).toBeLessThanOrEqual(2000);
    expect(refused.res.headers.get("retry-after")).toBe(String(Math.ceil(waitMs / 1000)));
    expect(refused.res.headers.get("x-ratelimit-remaining-requests")).toBe("0");
    expect(refused.json().error.code).toBe("429");
    expect(refused.json().error.message).toMatch(/Please retry after \d seconds?\./);
    // Other deployments keep their own quota.
    expect(
      (await postJson(deploymentUrl(emulator.url, "my-gpt-4o-deployment", "chat/completions"), USER_CHAT)).res
        .status,
    ).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, waitMs + 20));
    expect((await postJson(url, USER_CHAT)).res.status).toBe(200);
  });

  it("counts the prompt and max_tokens against tokens per minute", async () => {
    const url = deploymentUrl(emulator.url, "gpt-4o-mini", "chat/completions");
    const small = await postJson(url, { ...USER_CHAT, max_tokens: 10 });
    expect(small.res.status).toBe(200);
    expect(small.res.headers.get("x-ratelimit-limit-tokens")).toBe("100");
    const left = Number(small.res.headers.get("x-ratelimit-remaining-tokens"));
    expect(left).toBeLessThan(90);
    const big = await postJson(url, { ...USER_CHAT, max_tokens: left + 1 });
    expect(big.res.status).toBe(429);
    expect(Number(big.res.headers.get("retry-after-ms"))).toBeGreaterThan(0);
  });

  it("refuses a quota that is not a whole number > 0", async () => {
    await expect(startEmulator({ quotas: { x: { requestsPerMinute: 0 } } })).rejects.toThrow(/whole number/);
  });
});
