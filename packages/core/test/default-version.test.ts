import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AzureOpenAIClient, UnsupportedApiVersionError } from "../src/index.js";
import { checkVersion, json, send, versionsFrom } from "../src/internal.js";
import { API_KEY } from "./support/client.js";
import { startServer, type TestServer } from "./support/server.js";

// A client made without apiVersion: each operation goes to the GA route Microsoft documents for it.
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const saved = process.env.OPENAI_API_VERSION;
beforeAll(() => {
  delete process.env.OPENAI_API_VERSION;
});
afterAll(() => {
  if (saved !== undefined) process.env.OPENAI_API_VERSION = saved;
});

const defaultClient = () => new AzureOpenAIClient({ endpoint: server.url, apiKey: API_KEY, timeout: 2000 });

async function urlOf(client: AzureOpenAIClient, path: string, rule: string | undefined, deployment?: string) {
  await send(
    client,
    {
      path,
      deployment,
      body: { messages: [] },
      versions: rule === undefined ? undefined : versionsFrom(rule),
    },
    json(),
  );
  return { url: server.requests.at(-1)!.url, body: server.requests.at(-1)!.body };
}

describe("the default API version", () => {
  it("is v1 on the client", () => {
    expect(defaultClient().apiVersion).toBe("v1");
  });

  it.each([
    ["chat/completions", "*", "d", "/openai/v1/chat/completions"],
    ["embeddings", "*", "d", "/openai/v1/embeddings"],
    ["files", "*", undefined, "/openai/v1/files"],
    ["fine_tuning/jobs", "*", undefined, "/openai/v1/fine_tuning/jobs"],
    ["completions", "*", "d", "/openai/deployments/d/completions?api-version=2024-10-21"],
    ["audio/transcriptions", "*", "d", "/openai/deployments/d/audio/transcriptions?api-version=2024-10-21"],
    ["batches", "2024-07+", undefined, "/openai/batches?api-version=2024-10-21"],
    ["images/generations", "*~", "d", "/openai/deployments/d/images/generations?api-version=2024-10-21"],
    ["audio/speech", "2024-08~", "d", "/openai/deployments/d/audio/speech?api-version=2025-04-01-preview"],
    ["images/edits", "2025-04~", "d", "/openai/deployments/d/images/edits?api-version=2025-04-01-preview"],
  ])(
    "sends %s (%s) where Azure serves it GA, else in its newest preview",
    async (path, rule, deployment, url) => {
      expect((await urlOf(defaultClient(), path, rule, deployment)).url).toBe(url);
    },
  );

  it("names the deployment as model only on the v1 route", async () => {
    expect(JSON.parse((await urlOf(defaultClient(), "chat/completions", "*", "my-gpt")).body)).toMatchObject({
      model: "my-gpt",
    });
    expect(
      JSON.parse((await urlOf(defaultClient(), "completions", "*", "my-instruct")).body),
    ).not.toHaveProperty("model");
  });

  it("never refuses an operation or option: the call goes where they are", () => {
    expect(() => checkVersion(defaultClient(), "instructions", versionsFrom("2025-03~"))).not.toThrow();
  });

  it("an explicit version is kept, and checked as before", async () => {
    const client = new AzureOpenAIClient({ endpoint: server.url, apiKey: API_KEY, apiVersion: "2024-10-21" });
    expect((await urlOf(client, "chat/completions", "*", "d")).url).toBe(
      "/openai/deployments/d/chat/completions?api-version=2024-10-21",
    );
    expect(() => checkVersion(client, "instructions", versionsFrom("2025-03~"))).toThrow(
      UnsupportedApiVersionError,
    );
    const v1 = new AzureOpenAIClient({ endpoint: server.url, apiKey: API_KEY, apiVersion: "v1" });
    await expect(urlOf(v1, "images/generations", "*~", "d")).rejects.toBeInstanceOf(
      UnsupportedApiVersionError,
    );
  });

  it("OPENAI_API_VERSION still sets it", () => {
    process.env.OPENAI_API_VERSION = "2025-04-01-preview";
    try {
      expect(defaultClient().apiVersion).toBe("2025-04-01-preview");
    } finally {
      delete process.env.OPENAI_API_VERSION;
    }
  });
});
