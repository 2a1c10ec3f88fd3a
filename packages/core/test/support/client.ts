import { AzureOpenAIClient, type AzureOpenAIClientOptions, type WithResponse } from "../../src/index.js";
import { bytes, type EventStream, json, type OperationRequest, send, sse } from "../../src/internal.js";
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

/** Sends an operation and reads its JSON, as feature packages do. */
export function callJson<T extends object = Record<string, unknown>>(
  client: AzureOpenAIClient,
  request: OperationRequest,
): Promise<WithResponse<T>> {
  return send(client, request, json<T>());
}

/** Sends an operation and hands over its event stream. */
export function callStream<T>(client: AzureOpenAIClient, request: OperationRequest): Promise<EventStream<T>> {
  return send(client, request, sse<T>());
}

/** Sends an operation and reads its whole binary body. */
export function callBinary(client: AzureOpenAIClient, request: OperationRequest) {
  return send(client, request, bytes);
}
