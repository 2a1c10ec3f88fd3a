import { AzureOpenAIClient, type AzureOpenAIClientOptions } from "../../src/index.js";
import type { TestServer } from "./server.js";

/** The api-key the integration tests use; it must never show up in an error or a log line. */
export const API_KEY = "sk-test-0123456789abcdef-SECRET";

/** A client for a test server, with an api-key, no retry wait worth mentioning and a short timeout. */
export function clientFor(server: TestServer, options: AzureOpenAIClientOptions = {}): AzureOpenAIClient {
  const auth = options.credential || options.tokenProvider || options.apiKey ? {} : { apiKey: API_KEY };
  return new AzureOpenAIClient({ endpoint: server.url, timeout: 2000, ...auth, ...options });
}

/** A chat/completions call with a small body. */
export const chat = {
  path: "chat/completions",
  deployment: "gpt-4o",
  body: { messages: [{ role: "user", content: "hi" }] },
};
