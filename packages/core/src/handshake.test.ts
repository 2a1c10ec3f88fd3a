import { describe, expect, it } from "vitest";
import { AzureOpenAIClient } from "./client.js";
import { InvalidInputError } from "./errors/input-errors.js";
import { handshake } from "./handshake.js";

describe("handshake", () => {
  it("builds a wss URL and carries the api-key, user agent and default headers", async () => {
    const client = new AzureOpenAIClient({
      endpoint: "https://r.openai.azure.com/",
      apiKey: "secret-key",
      defaultHeaders: { "x-team": "a" },
    });
    const h = await handshake(client, {
      path: "v1/realtime",
      query: { model: "gpt-realtime", skip: undefined },
      userAgent: "aoai-realtime/1.0.0",
    });
    expect(h.url).toBe("wss://r.openai.azure.com/openai/v1/realtime?model=gpt-realtime");
    expect(h.headers["api-key"]).toBe("secret-key");
    expect(h.headers["x-team"]).toBe("a");
    expect(h.headers["user-agent"]).toContain("aoai-realtime/1.0.0");
    expect(h.credential).toBe("api-key");
  });

  it("fetches a bearer token, and keeps it out of the URL", async () => {
    let calls = 0;
    const client = new AzureOpenAIClient({
      endpoint: "http://127.0.0.1:9",
      credential: {
        getToken: async () => ({ token: `t${++calls}`, expiresOnTimestamp: Date.now() + 3600_000 }),
      },
    });
    const h = await handshake(client, { path: "realtime", query: { "api-version": "2025-04-01-preview" } });
    expect(h.url).toBe("ws://127.0.0.1:9/openai/realtime?api-version=2025-04-01-preview");
    expect(h.headers.authorization).toBe("Bearer t1");
    expect(h.credential).toBe("bearer");
    await expect(handshake(client, { path: "realtime", credentialInQuery: true })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
  });

  it("puts a key in the query when asked, and not in a header", async () => {
    const client = new AzureOpenAIClient({ endpoint: "https://r.openai.azure.com", apiKey: "k&1" });
    const h = await handshake(client, {
      path: "v1/realtime",
      query: { model: "m" },
      credentialInQuery: true,
    });
    expect(h.url).toBe("wss://r.openai.azure.com/openai/v1/realtime?model=m&api-key=k%261");
    expect(h.headers["api-key"]).toBeUndefined();
  });
});
