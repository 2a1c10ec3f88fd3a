import { AzureKeyCredential, type TokenCredential } from "@azure/core-auth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AzureOpenAIClient } from "./client.js";
import type { AzureOpenAIClientOptions } from "./client-options.js";
import { InvalidInputError } from "./errors/input-errors.js";

const endpoint = "https://res.openai.azure.com";
const credential: TokenCredential = {
  getToken: async () => ({ token: "t", expiresOnTimestamp: Date.now() + 3_600_000 }),
};
const tokenProvider = () => "t";

function constructionError(options: AzureOpenAIClientOptions): InvalidInputError {
  let caught: unknown;
  try {
    new AzureOpenAIClient({ endpoint, ...options });
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InvalidInputError);
  return caught as InvalidInputError;
}

describe("credential options", () => {
  let savedKey: string | undefined;
  beforeEach(() => {
    savedKey = process.env.AZURE_OPENAI_API_KEY;
    delete process.env.AZURE_OPENAI_API_KEY;
  });
  afterEach(() => {
    if (savedKey === undefined) delete process.env.AZURE_OPENAI_API_KEY;
    else process.env.AZURE_OPENAI_API_KEY = savedKey;
  });

  it("needs one credential", () => {
    const error = constructionError({});
    expect(error.param).toBe("credential");
    expect(error.message).toMatch(/No credential/);
  });

  it.each<[string, AzureOpenAIClientOptions]>([
    ["apiKey + credential", { apiKey: "k", credential }],
    ["apiKey + tokenProvider", { apiKey: "k", tokenProvider }],
    ["credential + tokenProvider", { credential, tokenProvider }],
    ["all three", { apiKey: new AzureKeyCredential("k"), credential, tokenProvider }],
  ])("refuses two credentials: %s", (_name, options) => {
    const error = constructionError(options);
    expect(error.message).toMatch(/one of apiKey, credential or tokenProvider, not several/);
  });

  it.each<[string, AzureOpenAIClientOptions]>([
    ["apiKey string", { apiKey: "k" }],
    ["AzureKeyCredential", { apiKey: new AzureKeyCredential("k") }],
    ["TokenCredential", { credential }],
    ["tokenProvider", { tokenProvider }],
  ])("accepts exactly one: %s", (_name, options) => {
    expect(() => new AzureOpenAIClient({ endpoint, ...options })).not.toThrow();
  });

  it("refuses an empty or blank api key", () => {
    expect(constructionError({ apiKey: "" }).param).toBe("apiKey");
    expect(constructionError({ apiKey: "   " }).param).toBe("apiKey");
  });

  it("refuses malformed credentials", () => {
    expect(constructionError({ credential: {} as TokenCredential }).param).toBe("credential");
    expect(constructionError({ tokenProvider: "token" as unknown as () => string }).param).toBe(
      "tokenProvider",
    );
    expect(constructionError({ apiKey: { nope: 1 } as unknown as string }).param).toBe("apiKey");
  });

  it("a credential given with an env api key is not 'two credentials'", () => {
    process.env.AZURE_OPENAI_API_KEY = "env-key";
    expect(() => new AzureOpenAIClient({ endpoint, credential })).not.toThrow();
    expect(() => new AzureOpenAIClient({ endpoint, tokenProvider })).not.toThrow();
  });

  it("falls back to AZURE_OPENAI_API_KEY", () => {
    process.env.AZURE_OPENAI_API_KEY = "env-key";
    expect(() => new AzureOpenAIClient({ endpoint })).not.toThrow();
  });
});
