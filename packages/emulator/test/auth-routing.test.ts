import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ACCESS_DENIED_MESSAGE,
  type Emulator,
  INVALID_TOKEN_MESSAGE,
  MISSING_KEY_MESSAGE,
  startEmulator,
} from "../src/index.js";
import { deploymentUrl, postJson, sharedEmulator, USER_CHAT } from "./helpers.js";

const shared = sharedEmulator().url;
const chat = deploymentUrl(shared, "gpt-4o", "chat/completions");

describe("auth", () => {
  it("answers 401 with Azure's bodies: missing key, wrong key, refused token", async () => {
    const missing = { statusCode: 401, message: MISSING_KEY_MESSAGE };
    const wrongKey = { error: { code: "401", message: ACCESS_DENIED_MESSAGE } };
    const badToken = { error: { code: "401", message: INVALID_TOKEN_MESSAGE } };
    for (const [headers, body] of <[Record<string, string>, unknown][]>[
      [{ "api-key": "" }, missing],
      [{ "api-key": "", authorization: "" }, missing],
      [{ "api-key": "wrong" }, wrongKey],
      [{ "api-key": "wrong", authorization: "Bearer fine" }, wrongKey],
      [{ "api-key": "", authorization: "Bearer " }, badToken],
      [{ "api-key": "", authorization: "Basic abc" }, badToken],
    ]) {
      const { res, json } = await postJson(chat, USER_CHAT, headers);
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(json(), JSON.stringify(headers)).toEqual(body);
    }
  });

  it("accepts any bearer token by default", async () => {
    const res = await fetch(chat, {
      method: "POST",
      headers: { authorization: "Bearer eyJ.fake.token", "content-type": "application/json" },
      body: JSON.stringify(USER_CHAT),
    });
    expect(res.status).toBe(200);
  });

  describe("configured credentials", () => {
    let emulator: Emulator;
    beforeAll(async () => {
      emulator = await startEmulator({ apiKeys: ["k1", "k2"], bearerTokens: ["good-token"] });
    });
    afterAll(() => emulator.close());

    it("accepts exactly the configured keys and tokens", async () => {
      const url = deploymentUrl(emulator.url, "gpt-4o", "chat/completions");
      const status = async (headers: Record<string, string>) =>
        (
          await fetch(url, {
            method: "POST",
            headers: { "content-type": "application/json", ...headers },
            body: JSON.stringify(USER_CHAT),
          })
        ).status;
      expect(await status({ "api-key": "k2" })).toBe(200);
      expect(await status({ "api-key": "emulator-key" })).toBe(401);
      expect(await status({ authorization: "Bearer good-token" })).toBe(200);
      expect(await status({ authorization: "Bearer other" })).toBe(401);
      expect(emulator.apiKey).toBe("k1");
    });
  });
});

describe("routing and api-version", () => {
  const notFound = { error: { code: "404", message: "Resource not found" } };

  it("answers 404 Resource not found for a missing or unknown api-version, as Azure does", async () => {
    for (const url of [
      `${shared}/openai/deployments/gpt-4o/chat/completions`,
      `${shared}/openai/deployments/gpt-4o/chat/completions?api-version=2023-01-01`,
      `${shared}/openai/deployments/gpt-4o/chat/completions?api-version=v1`,
      `${shared}/openai/deployments/gpt-4o/nonsense?api-version=2024-10-21`,
      `${shared}/somewhere/else`,
    ]) {
      const { res, json } = await postJson(url, USER_CHAT);
      expect(res.status, url).toBe(404);
      expect(json()).toEqual(notFound);
    }
  });

  it("answers 404 for an operation the api-version lacks", async () => {
    const body = { input: "hi", voice: "alloy", response_format: "wav" };
    expect(
      (await postJson(deploymentUrl(shared, "tts", "audio/speech", "2024-10-21"), body)).res.status,
    ).toBe(404);
    expect(
      (await postJson(deploymentUrl(shared, "tts", "audio/speech", "2025-04-01-preview"), body)).res.status,
    ).toBe(200);
  });

  it("serves every operation on every version @aoai/core lists", async () => {
    for (const version of ["2024-06-01", "2024-08-01-preview", "2025-03-01-preview"]) {
      expect(
        (await postJson(deploymentUrl(shared, "gpt-4o", "chat/completions", version), USER_CHAT)).res.status,
      ).toBe(200);
    }
  });

  it("serves /openai/v1 with the deployment in `model`", async () => {
    const { res, json } = await postJson(`${shared}/openai/v1/chat/completions`, {
      ...USER_CHAT,
      model: "my-gpt-4o-deployment",
    });
    expect(res.status).toBe(200);
    expect(json().model).toBe("gpt-4o");
    expect(
      (
        await postJson(`${shared}/openai/v1/chat/completions?api-version=preview`, {
          ...USER_CHAT,
          model: "gpt-4o-mini",
        })
      ).res.status,
    ).toBe(200);
    const missing = await postJson(`${shared}/openai/v1/chat/completions`, USER_CHAT);
    expect(missing.res.status).toBe(400);
    expect(missing.json().error.param).toBe("model");
    const badVersion = await postJson(`${shared}/openai/v1/chat/completions?api-version=2024-10-21`, {
      ...USER_CHAT,
      model: "gpt-4o",
    });
    expect(badVersion.res.status).toBe(400);
  });

  it("answers 405 for GET on an operation", async () => {
    const res = await fetch(chat, { headers: { "api-key": "emulator-key" } });
    expect(res.status).toBe(405);
  });
});

describe("Azure headers", () => {
  it("puts request ids, rate limits and region on every response, errors included", async () => {
    for (const headers of <Record<string, string>[]>[{}, { "api-key": "nope" }]) {
      const { res } = await postJson(chat, USER_CHAT, headers);
      expect(res.headers.get("apim-request-id")).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(res.headers.get("x-request-id")).toBe(res.headers.get("apim-request-id"));
      expect(Number(res.headers.get("x-ratelimit-remaining-requests"))).toBeGreaterThanOrEqual(0);
      expect(Number(res.headers.get("x-ratelimit-remaining-tokens"))).toBeGreaterThanOrEqual(0);
      expect(res.headers.get("x-ms-region")).toBe("Local");
    }
  });

  it("sends the rate-limit resets and, for a deployment's answer, x-ms-deployment-name", async () => {
    const { res } = await postJson(chat, USER_CHAT);
    for (const name of ["x-ratelimit-reset-requests", "x-ratelimit-reset-tokens"]) {
      const seconds = Number(res.headers.get(name));
      expect(seconds).toBeGreaterThanOrEqual(0);
      expect(seconds).toBeLessThanOrEqual(60);
    }
    expect(res.headers.get("x-ms-deployment-name")).toBe(new URL(chat).pathname.split("/")[3]);
    const exposed = res.headers.get("access-control-expose-headers")!.split(", ");
    for (const h of ["x-ratelimit-reset-requests", "x-ratelimit-reset-tokens", "x-ms-deployment-name"])
      expect(exposed).toContain(h);
  });

  it("gives each request its own id and echoes x-ms-client-request-id", async () => {
    const a = await postJson(chat, USER_CHAT, { "x-ms-client-request-id": "client-123" });
    const b = await postJson(chat, USER_CHAT);
    expect(a.res.headers.get("apim-request-id")).not.toBe(b.res.headers.get("apim-request-id"));
    expect(a.res.headers.get("x-ms-client-request-id")).toBe("client-123");
  });
});

describe("request log", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ requestLogSize: 3 });
  });
  afterAll(() => emulator.close());

  it("records method, path, query, redacted headers and parsed body; keeps the last N", async () => {
    const url = deploymentUrl(emulator.url, "gpt-4o", "chat/completions");
    await postJson(url, USER_CHAT, { authorization: "Bearer secret", "x-ms-client-request-id": "abc" });
    const [entry] = emulator.requests;
    expect(entry).toMatchObject({
      method: "POST",
      path: "/openai/deployments/gpt-4o/chat/completions",
      query: { "api-version": "2024-10-21" },
      body: USER_CHAT,
    });
    expect(entry!.headers["api-key"]).toBe("[redacted]");
    expect(entry!.headers.authorization).toBe("[redacted]");
    expect(entry!.headers["x-ms-client-request-id"]).toBe("abc");
    expect(JSON.stringify(emulator.requests)).not.toContain("secret");
    for (let i = 0; i < 4; i++) await postJson(url, { messages: [{ role: "user", content: `m${i}` }] });
    expect(emulator.requests.map((r) => (r.body as typeof USER_CHAT).messages[0]!.content)).toEqual([
      "m1",
      "m2",
      "m3",
    ]);
    emulator.reset();
    expect(emulator.requests).toEqual([]);
  });
});
