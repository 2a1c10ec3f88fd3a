import type { HttpClient } from "@azure/core-rest-pipeline";
import { fetchHttpClient } from "./fetch-http-client.js";

/** Browsers: this package's own fetch client (see fetch-http-client.ts for why). */
export function defaultHttpClient(): HttpClient {
  return fetchHttpClient();
}
