import type { TokenCredential } from "@azure/core-auth";
import { describe, expect, it } from "vitest";
import { AzureOpenAIClient } from "./client.js";
import { entraScope } from "./entra-scope.js";
import { InvalidInputError } from "./errors/input-errors.js";

describe("entraScope", () => {
  it.each([
    ["https://res.openai.azure.com", "https://cognitiveservices.azure.com/.default"],
    ["https://res.cognitiveservices.azure.com", "https://cognitiveservices.azure.com/.default"],
    ["https://RES.OpenAI.Azure.com", "https://cognitiveservices.azure.com/.default"],
    ["https://res.services.ai.azure.com", "https://ai.azure.com/.default"],
    ["https://res.services.ai.azure.com/api/projects/p", "https://ai.azure.com/.default"],
    ["https://res.openai.azure.us", "https://cognitiveservices.azure.us/.default"],
    ["https://res.cognitiveservices.azure.us", "https://cognitiveservices.azure.us/.default"],
    ["https://res.openai.azure.cn", "https://cognitiveservices.azure.cn/.default"],
    ["https://gateway.contoso.com/aoai", "https://cognitiveservices.azure.com/.default"],
    ["http://127.0.0.1:8080", "https://cognitiveservices.azure.com/.default"],
  ])("%s asks for %s", (endpoint, scope) => {
    expect(entraScope(endpoint)).toBe(scope);
  });

  it("takes an audience as the scope's resource", () => {
    expect(entraScope("https://res.openai.azure.com", "https://cognitiveservices.azure.us")).toBe(
      "https://cognitiveservices.azure.us/.default",
    );
    expect(entraScope("https://res.openai.azure.com", "https://ai.azure.com/")).toBe(
      "https://ai.azure.com/.default",
    );
  });
});

describe("the client's Entra scope", () => {
  const scopesAsked = async (options: ConstructorParameters<typeof AzureOpenAIClient>[0]) => {
    const asked: (string | string[])[] = [];
    const credential: TokenCredential = {
      getToken: async (scopes) => {
        asked.push(scopes);
        return null;
      },
    };
    const client = new AzureOpenAIClient({ credential, maxRetries: 0, ...options });
    // The null token is refused before anything is sent: only the scope matters here.
    const { send, json } = await import("./internal.js");
    await send(client, { path: "chat/completions", deployment: "d", body: {} }, json()).catch(() => {});
    return asked;
  };

  it("follows the endpoint's host", async () => {
    expect(await scopesAsked({ endpoint: "https://res.services.ai.azure.com" })).toEqual([
      "https://ai.azure.com/.default",
    ]);
    expect(await scopesAsked({ endpoint: "https://res.openai.azure.us" })).toEqual([
      "https://cognitiveservices.azure.us/.default",
    ]);
  });

  it("takes audience or scopes from the options", async () => {
    expect(
      await scopesAsked({
        endpoint: "https://gw.contoso.com",
        audience: "https://cognitiveservices.azure.us",
      }),
    ).toEqual(["https://cognitiveservices.azure.us/.default"]);
    expect(
      await scopesAsked({ endpoint: "https://res.openai.azure.com", scopes: "api://x/.default" }),
    ).toEqual(["api://x/.default"]);
  });

  it("refuses audience with scopes, and an audience that is not a URL", () => {
    const credential: TokenCredential = { getToken: async () => null };
    const endpoint = "https://res.openai.azure.com";
    expect(
      () =>
        new AzureOpenAIClient({ endpoint, credential, audience: "https://a", scopes: "https://b/.default" }),
    ).toThrow(InvalidInputError);
    expect(() => new AzureOpenAIClient({ endpoint, credential, audience: "cognitiveservices" })).toThrow(
      /audience/,
    );
  });
});
