import { createDefaultHttpClient, type HttpClient } from "@azure/core-rest-pipeline";

/**
 * The HTTP client used when none is injected: core-rest-pipeline's node:http client, which costs
 * less CPU per request than fetch does in Node. Browser builds swap this module for
 * default-http-client.browser.ts (tsdown.config.ts, vitest.config.ts).
 */
export function defaultHttpClient(): HttpClient {
  return createDefaultHttpClient();
}
