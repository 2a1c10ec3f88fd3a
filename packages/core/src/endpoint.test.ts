import { describe, expect, it } from "vitest";
import { AzureOpenAIClient } from "./client.js";
import { normalizeEndpoint } from "./endpoint.js";
import { InvalidInputError } from "./errors/input-errors.js";
import { routeUrl } from "./routing.js";

function rejects(endpoint: string): InvalidInputError {
  let caught: unknown;
  try {
    normalizeEndpoint(endpoint);
  } catch (error) {
    caught = error;
  }
  expect(caught, endpoint).toBeInstanceOf(InvalidInputError);
  expect((caught as InvalidInputError).param).toBe("endpoint");
  return caught as InvalidInputError;
}

describe("normalizeEndpoint", () => {
  it("accepts https and strips a trailing slash", () => {
    expect(normalizeEndpoint("https://res.openai.azure.com")).toBe("https://res.openai.azure.com");
    expect(normalizeEndpoint("https://res.openai.azure.com/")).toBe("https://res.openai.azure.com");
    expect(normalizeEndpoint("https://res.openai.azure.com///")).toBe("https://res.openai.azure.com");
  });

  it.each([
    ["https://res.openai.azure.com/openai", "https://res.openai.azure.com"],
    ["https://res.openai.azure.com/openai/", "https://res.openai.azure.com"],
    ["https://res.openai.azure.com/openai/v1", "https://res.openai.azure.com"],
    ["https://res.openai.azure.com/openai/v1/", "https://res.openai.azure.com"],
    ["https://res.openai.azure.com/OpenAI/V1", "https://res.openai.azure.com"],
    ["https://gw.example.com/prefix/openai", "https://gw.example.com/prefix"],
    ["https://gw.example.com/prefix/", "https://gw.example.com/prefix"],
  ])("drops a pasted /openai suffix: %s", (input, expected) => {
    expect(normalizeEndpoint(input)).toBe(expected);
  });

  it("keeps a non-default port", () => {
    expect(normalizeEndpoint("https://res.example.com:8443/")).toBe("https://res.example.com:8443");
  });

  it.each([
    "http://localhost:8080",
    "http://LOCALHOST",
    "http://127.0.0.1:1234",
    "http://127.10.20.30",
    "http://[::1]:5000",
  ])("allows plain http on loopback: %s", (endpoint) => {
    expect(normalizeEndpoint(`${endpoint}/`)).toBe(endpoint.replace("LOCALHOST", "localhost"));
  });

  it.each([
    "http://res.openai.azure.com",
    "http://10.0.0.1",
    "http://localhost.evil.com",
    "http://127.0.0.1.nip.io",
    "http://[::2]",
    "ftp://res.openai.azure.com",
    "ws://localhost",
  ])("rejects a non-https, non-loopback endpoint: %s", (endpoint) => {
    expect(rejects(endpoint).message).toMatch(/https/);
  });

  it.each([
    "https://res.openai.azure.com/?api-version=2024-10-21",
    "https://res.openai.azure.com/#x",
    "https://res.openai.azure.com?",
  ])("rejects a query or fragment: %s", (endpoint) => {
    // "?" alone leaves URL.search empty; it is harmless and accepted.
    if (endpoint.endsWith("?")) {
      expect(normalizeEndpoint(endpoint)).toBe("https://res.openai.azure.com");
      return;
    }
    expect(rejects(endpoint).message).toMatch(/query or fragment/);
  });

  it.each([
    [
      "https://res.openai.azure.com/openai/deployments/whisper",
      /"https:\/\/res\.openai\.azure\.com".*"whisper"/,
    ],
    ["https://res.openai.azure.com/openai/deployments/gpt-4o/chat/completions", /"gpt-4o"/],
    ["https://gw.example.com/aoai/openai/deployments/tts/", /"https:\/\/gw\.example\.com\/aoai"/],
    ["https://res.openai.azure.com/openai/v1/chat/completions", /"https:\/\/res\.openai\.azure\.com"/],
    ["https://res.openai.azure.com/openai/files", /"https:\/\/res\.openai\.azure\.com"/],
  ])("refuses a path the routes would double (%s), saying what to pass", (endpoint, named) => {
    const error = rejects(endpoint);
    expect(error.message).toMatch(named);
    expect(error.message).toMatch(/^endpoint path \S*\/openai\/\S+ would be doubled/);
  });

  it("says where the api-version goes when a pasted URL carries it", () => {
    const error = rejects(
      "https://res.openai.azure.com/openai/deployments/d/chat/completions?api-version=2024-10-21",
    );
    expect(error.message).toMatch(/apiVersion: "2024-10-21"/);
  });

  it("rejects credentials in the URL without echoing them", () => {
    const error = rejects("https://user:hunter2-secret@res.openai.azure.com");
    expect(error.message).toMatch(/credentials/);
    expect(error.message).not.toContain("hunter2-secret");
    expect(rejects("https://only-user@res.openai.azure.com").message).toMatch(/credentials/);
  });

  it.each(["", "res.openai.azure.com", "not a url", "//res.openai.azure.com"])(
    "rejects a non-URL: %j",
    (endpoint) => {
      expect(rejects(endpoint).message).toMatch(/absolute URL/);
    },
  );
});

describe("client endpoint", () => {
  it("is normalised on the client", () => {
    const client = new AzureOpenAIClient({
      endpoint: "https://res.openai.azure.com/openai/v1/",
      apiKey: "k",
    });
    expect(client.endpoint).toBe("https://res.openai.azure.com");
    expect(routeUrl(client.endpoint, client.apiVersion, { path: "chat/completions", deployment: "d" })).toBe(
      "https://res.openai.azure.com/openai/v1/chat/completions",
    );
  });

  it("is required", () => {
    const saved = process.env.AZURE_OPENAI_ENDPOINT;
    delete process.env.AZURE_OPENAI_ENDPOINT;
    try {
      expect(() => new AzureOpenAIClient({ apiKey: "k" })).toThrow(InvalidInputError);
    } finally {
      if (saved !== undefined) process.env.AZURE_OPENAI_ENDPOINT = saved;
    }
  });

  it("rejects http on a public host at construction", () => {
    expect(() => new AzureOpenAIClient({ endpoint: "http://res.openai.azure.com", apiKey: "k" })).toThrow(
      /https/,
    );
  });
});
