import { AzureKeyCredential, type GetTokenOptions, type TokenCredential } from "@azure/core-auth";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AzureOpenAIClient, AzureKeyCredential as CoreKeyCredential } from "../src/index.js";
import { callJson, chat, clientFor } from "./support/client.js";
import { startServer, type TestServer } from "./support/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

interface Call {
  scopes: string | string[];
  options: GetTokenOptions | undefined;
}

/** A TokenCredential that counts calls and hands out `token-<n>` expiring `lifetimeMs` from now. */
function fakeCredential(lifetimeMs: number, delayMs = 0): TokenCredential & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    async getToken(scopes, options) {
      calls.push({ scopes, options });
      const n = calls.length;
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      return { token: `token-${n}`, expiresOnTimestamp: Date.now() + lifetimeMs };
    },
  };
}

describe("api keys", () => {
  it("sends a string key as api-key and no Authorization", async () => {
    await callJson(clientFor(server, { apiKey: "key-one" }), chat);
    expect(server.requests[0]!.headers["api-key"]).toBe("key-one");
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
  });

  it("reads core's own AzureKeyCredential per request, so update() rotates the key", async () => {
    const key = new CoreKeyCredential("core-key-before");
    const client = clientFor(server, { apiKey: key });
    await callJson(client, chat);
    key.update("core-key-after");
    await callJson(client, chat);
    expect(server.requests.map((r) => r.headers["api-key"])).toEqual(["core-key-before", "core-key-after"]);
  });

  it("reads an AzureKeyCredential per request, so update() rotates the key", async () => {
    const key = new AzureKeyCredential("key-before");
    const client = clientFor(server, { apiKey: key });
    await callJson(client, chat);
    key.update("key-after");
    await callJson(client, chat);
    expect(server.requests.map((r) => r.headers["api-key"])).toEqual(["key-before", "key-after"]);
  });
});

describe("Microsoft Entra credentials", () => {
  it("sends a bearer token for the default cognitive services scope", async () => {
    const credential = fakeCredential(3_600_000);
    await callJson(clientFor(server, { credential }), chat);
    // The test server is on loopback: a host that names no cloud gets the public cloud's scope.
    expect(credential.calls.map((c) => c.scopes)).toEqual(["https://cognitiveservices.azure.com/.default"]);
    expect(server.requests[0]!.headers.authorization).toBe("Bearer token-1");
    expect(server.requests[0]!.headers["api-key"]).toBeUndefined();
  });

  it("asks for custom scopes", async () => {
    const credential = fakeCredential(3_600_000);
    const scopes = ["https://cognitiveservices.azure.us/.default"];
    await callJson(clientFor(server, { credential, scopes }), chat);
    expect(credential.calls[0]!.scopes).toEqual(scopes);
    const single = fakeCredential(3_600_000);
    await callJson(clientFor(server, { credential: single, scopes: "api://custom/.default" }), chat);
    expect(single.calls[0]!.scopes).toBe("api://custom/.default");
  });

  it("reuses a token until it nears expiry", async () => {
    const credential = fakeCredential(3_600_000);
    const client = clientFor(server, { credential });
    for (let i = 0; i < 3; i++) await callJson(client, chat);
    expect(credential.calls).toHaveLength(1);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(Array(3).fill("Bearer token-1"));
  });

  it("refreshes a token that expires within the refresh margin", async () => {
    // 60 s left is inside the 5-minute refresh margin: every request gets a fresh token.
    const credential = fakeCredential(60_000);
    const client = clientFor(server, { credential });
    await callJson(client, chat);
    await callJson(client, chat);
    expect(credential.calls).toHaveLength(2);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(["Bearer token-1", "Bearer token-2"]);
  });

  it("honours refreshAfterTimestamp", async () => {
    let n = 0;
    const credential: TokenCredential = {
      getToken: async () => ({
        token: `tok-${++n}`,
        expiresOnTimestamp: Date.now() + 3_600_000,
        refreshAfterTimestamp: Date.now() - 1,
      }),
    };
    const client = clientFor(server, { credential });
    await callJson(client, chat);
    await callJson(client, chat);
    expect(n).toBe(2);
  });

  it("shares one getToken between concurrent calls", async () => {
    const credential = fakeCredential(3_600_000, 30);
    const client = clientFor(server, { credential });
    await Promise.all([
      callJson(client, chat),
      callJson(client, chat),
      callJson(client, chat),
      callJson(client, chat),
    ]);
    expect(credential.calls).toHaveLength(1);
    expect(server.requests).toHaveLength(4);
    for (const r of server.requests) expect(r.headers.authorization).toBe("Bearer token-1");
  });

  it("calls a tokenProvider per request", async () => {
    let n = 0;
    const client = clientFor(server, { tokenProvider: async () => `provided-${++n}` });
    await callJson(client, chat);
    await callJson(client, chat);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      "Bearer provided-1",
      "Bearer provided-2",
    ]);
  });

  it("accepts a synchronous tokenProvider", async () => {
    await callJson(clientFor(server, { tokenProvider: () => "sync-token" }), chat);
    expect(server.requests[0]!.headers.authorization).toBe("Bearer sync-token");
  });
});

describe("environment fallbacks", () => {
  const names = ["AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_API_KEY", "OPENAI_API_VERSION"] as const;
  const saved: Partial<Record<(typeof names)[number], string | undefined>> = {};
  beforeEach(() => {
    for (const name of names) saved[name] = process.env[name];
  });
  afterEach(() => {
    for (const name of names) {
      const value = saved[name];
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it("takes endpoint, key and API version from the environment", async () => {
    process.env.AZURE_OPENAI_ENDPOINT = `${server.url}/openai/`;
    process.env.AZURE_OPENAI_API_KEY = "env-key";
    process.env.OPENAI_API_VERSION = "2025-04-01-preview";
    const client = new AzureOpenAIClient();
    expect(client.endpoint).toBe(server.url);
    expect(client.apiVersion).toBe("2025-04-01-preview");
    await callJson(client, chat);
    expect(server.requests[0]!.url).toBe(
      "/openai/deployments/gpt-4o/chat/completions?api-version=2025-04-01-preview",
    );
    expect(server.requests[0]!.headers["api-key"]).toBe("env-key");
  });

  it("options win over the environment", async () => {
    process.env.AZURE_OPENAI_ENDPOINT = "https://env.openai.azure.com";
    process.env.AZURE_OPENAI_API_KEY = "env-key";
    process.env.OPENAI_API_VERSION = "2025-04-01-preview";
    const client = new AzureOpenAIClient({
      endpoint: server.url,
      apiKey: "option-key",
      apiVersion: "2024-06-01",
    });
    await callJson(client, chat);
    expect(server.requests[0]!.url).toContain("api-version=2024-06-01");
    expect(server.requests[0]!.headers["api-key"]).toBe("option-key");
  });

  it("does not send the env api key when a credential is given", async () => {
    process.env.AZURE_OPENAI_API_KEY = "env-key-must-not-be-sent";
    await callJson(clientFor(server, { credential: fakeCredential(3_600_000) }), chat);
    await callJson(clientFor(server, { tokenProvider: () => "tp" }), chat);
    for (const r of server.requests) {
      expect(r.headers["api-key"]).toBeUndefined();
      expect(JSON.stringify(r.headers)).not.toContain("env-key-must-not-be-sent");
    }
  });

  it("ignores a blank environment variable", () => {
    process.env.OPENAI_API_VERSION = "   ";
    expect(new AzureOpenAIClient({ endpoint: server.url, apiKey: "k" }).apiVersion).toBe("v1");
  });
});

describe("token refresh shared between calls", () => {
  it("one caller aborting does not fail the others waiting on the same getToken", async () => {
    const credential: TokenCredential = {
      getToken: (_scopes, options) =>
        new Promise((resolve, reject) => {
          const timer = setTimeout(
            () => resolve({ token: "shared", expiresOnTimestamp: Date.now() + 3_600_000 }),
            40,
          );
          options?.abortSignal?.addEventListener("abort", () => {
            clearTimeout(timer);
            reject(Object.assign(new Error("getToken aborted"), { name: "AbortError" }));
          });
        }),
    };
    const client = clientFor(server, { credential });
    const controller = new AbortController();
    const first = callJson(client, { ...chat, options: { signal: controller.signal } });
    const second = callJson(client, chat);
    setTimeout(() => controller.abort(), 5);
    await expect(first).rejects.toMatchObject({ name: "APIUserAbortError" });
    const result = await second;
    expect(result._response.status).toBe(200);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(["Bearer shared"]);
  });
});
