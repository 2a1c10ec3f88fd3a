import type { AbortSignalLike } from "@azure/abort-controller";
import type { PipelineRequest, PipelineResponse } from "@azure/core-rest-pipeline";
import { checkHeader, invalid } from "./checks.js";
import type { AzureOpenAIClient } from "./client.js";
import { connectionOf } from "./connection.js";
import { createHeaders } from "./transport/http-headers.js";

/** A connection made outside the pipeline, such as a WebSocket to `/openai/v1/realtime`. */
export interface HandshakeRequest {
  /** The path under `/openai`, e.g. `v1/realtime`. */
  path: string;
  /** Query parameters; `undefined` ones are left out. */
  query?: Readonly<Record<string, string | undefined>>;
  /** The feature package's User-Agent token, e.g. `aoai-realtime/0.1.0`. */
  userAgent?: string;
  /**
   * Sends an API key as the `api-key` query parameter instead of a header, for hops that drop
   * headers. A bearer token is never put in a URL.
   * @default false
   */
  credentialInQuery?: boolean;
  /** Extra headers; they win over the client's defaults. */
  headers?: Readonly<Record<string, string>>;
  signal?: AbortSignalLike;
}

/**
 * What to open, with the credential in it: `ws:`/`wss:` URL and headers. It holds the secret, so
 * it is used at once and never kept, logged or put on an error.
 */
export interface Handshake {
  url: string;
  headers: Record<string, string>;
  /** How the credential was sent, for error messages that say why a 401 came back. */
  credential: "api-key" | "bearer";
}

/** The URL and headers of a WebSocket handshake on the client's endpoint and credential. */
export async function handshake(client: AzureOpenAIClient, request: HandshakeRequest): Promise<Handshake> {
  const connection = connectionOf(client);
  const headers: Record<string, string> = {};
  for (const [name, value] of connection.headers(request.userAgent)) headers[name] = value;
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    checkHeader(name, value);
    headers[name.toLowerCase()] = value;
  }
  const [name, value] = await credentialHeader(connection.auth, request.signal);
  const query = new URLSearchParams();
  for (const [key, v] of Object.entries(request.query ?? {})) if (v !== undefined) query.set(key, v);
  if (request.credentialInQuery) {
    if (name !== "api-key")
      invalid("credentialInQuery", "only an API key can go in the query; a bearer token stays in a header.");
    query.set("api-key", value);
  } else {
    headers[name] = value;
  }
  const base = client.endpoint.replace(/^http/, "ws");
  const search = query.toString();
  return {
    url: `${base}/openai/${request.path}${search ? `?${search}` : ""}`,
    headers,
    credential: name === "api-key" ? "api-key" : "bearer",
  };
}

/**
 * Runs the client's credential policy alone on a request that goes nowhere, and reads the header
 * it set: `api-key`, or `authorization` with a token fetched (or reused) now.
 */
async function credentialHeader(
  policy: import("@azure/core-rest-pipeline").PipelinePolicy,
  signal: AbortSignalLike | undefined,
): Promise<[string, string]> {
  const headers = createHeaders();
  const request = { headers, abortSignal: signal } as PipelineRequest;
  await policy.sendRequest(request, async () => ({}) as PipelineResponse);
  const key = headers.get("api-key");
  if (key !== undefined) return ["api-key", key];
  return ["authorization", headers.get("authorization") ?? ""];
}
