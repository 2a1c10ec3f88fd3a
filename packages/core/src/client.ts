import type { HttpHeaders, PipelineRequest, PipelineResponse } from "@azure/core-rest-pipeline";
import { API_VERSIONS, type ApiVersion, DEFAULT_API_VERSION, isApiVersion } from "./api-versions.js";
import { versionsFor } from "./capabilities.js";
import type { AzureOpenAIClientOptions, RequestOptions } from "./client-options.js";
import { authPolicy } from "./credentials.js";
import { normalizeEndpoint } from "./endpoint.js";
import { readEnv } from "./env.js";
import { createAPIError, parseErrorBody } from "./errors/create-api-error.js";
import { InvalidInputError, UnsupportedApiVersionError } from "./errors/input-errors.js";
import { InvalidResponseError } from "./errors/invalid-response-error.js";
import { buildPipeline, type SendRequest } from "./pipeline.js";
import { responseInfo, type WithResponse, withResponse } from "./response-info.js";
import { operationUrl } from "./routing.js";
import { type CallState, callStates } from "./transport/call-state.js";
import { defaultHttpClient } from "./transport/default-http-client.js";
import { headersRecord } from "./transport/headers-record.js";
import { createHeaders } from "./transport/http-headers.js";
import { retryAfterMs } from "./transport/retry-after.js";
import { toSdkError } from "./transport/to-sdk-error.js";
import { USER_AGENT_HEADER, userAgent } from "./user-agent.js";

/** Retries after the first attempt. @default 2 */
export const DEFAULT_MAX_RETRIES = 2;
/** Time allowed per attempt (a JSON answer, or the headers of a stream), in ms. @default 600000 */
export const DEFAULT_TIMEOUT_MS = 600_000;
/** Longest server-requested wait slept through, in ms. @default 60000 */
export const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;

const DATED_VERSION = /^\d{4}-\d{2}-\d{2}(-preview)?$/;
const STREAMED: ReadonlySet<number> = new Set([200]);
const ACCEPT = { json: "application/json", binary: "*/*", sse: "text/event-stream" } as const;

/** One operation call, as a feature package describes it. */
export interface OperationRequest {
  /** The operation's path under the deployment, e.g. `chat/completions`. */
  path: string;
  /** The model deployment name (sent as `model` in the body on the v1 API). */
  deployment: string;
  /** API versions that have the operation. @default the core capability table's entry for `path` */
  versions?: readonly ApiVersion[];
  /** @default "POST" */
  method?: "POST" | "GET";
  /** A JSON object, or FormData for multipart uploads. */
  body?: object | FormData;
  /** The feature package's User-Agent token, e.g. `aoai-chat/0.1.0`. */
  userAgent?: string;
  /** @default "application/json", "text/event-stream" for streams, "*\/*" for binary */
  accept?: string;
  options?: RequestOptions | undefined;
}

/** A sent request whose response headers are in and whose status is not an error. */
export interface SentRequest {
  raw: PipelineResponse;
  state: CallState;
  /** Aborts the request, a streamed body included. */
  controller: AbortController;
  /** The caller's signal, to tell a caller's abort from a broken connection. */
  signal: AbortSignal | undefined;
}

/**
 * A connection to one Azure OpenAI resource: endpoint, credential, API version, retries and
 * transport. Feature packages (`@aoai/chat`, `@aoai/embeddings`…) take it to make their clients,
 * much as .NET's `azureClient.GetChatClient("my-deployment")`.
 */
export class AzureOpenAIClient {
  /** The endpoint, normalised (no trailing slash, no `/openai` suffix). */
  readonly endpoint: string;
  readonly apiVersion: ApiVersion | (string & {});
  private readonly sendThroughPipeline: SendRequest;
  private readonly maxRetries: number;
  private readonly timeout: number;
  private readonly maxRetryAfter: number;
  private readonly defaultHeaders: Record<string, string>;
  private readonly userAgentPrefix: string | undefined;
  private readonly userAgents = new Map<string | undefined, string>();

  constructor(options: AzureOpenAIClientOptions = {}) {
    const endpoint = options.endpoint ?? readEnv("AZURE_OPENAI_ENDPOINT");
    if (!endpoint) {
      throw new InvalidInputError(
        "No endpoint: pass endpoint (https://<resource>.openai.azure.com) or set AZURE_OPENAI_ENDPOINT.",
        "endpoint",
      );
    }
    this.endpoint = normalizeEndpoint(endpoint);
    this.apiVersion = checkApiVersion(
      options.apiVersion ?? readEnv("OPENAI_API_VERSION") ?? DEFAULT_API_VERSION,
    );
    this.maxRetries = checkCount(options.maxRetries ?? DEFAULT_MAX_RETRIES, "maxRetries");
    this.timeout = checkDuration(options.timeout ?? DEFAULT_TIMEOUT_MS, "timeout");
    this.maxRetryAfter = checkDuration(options.maxRetryAfter ?? DEFAULT_MAX_RETRY_AFTER_MS, "maxRetryAfter");
    this.defaultHeaders = { ...options.defaultHeaders };
    this.userAgentPrefix = options.userAgentPrefix;
    this.sendThroughPipeline = buildPipeline(
      authPolicy(options),
      options.policies ?? [],
      options.httpClient ?? defaultHttpClient(),
    );
  }

  /**
   * Throws {@link UnsupportedApiVersionError} when the client's API version is known and is not one
   * of `versions`. Feature packages call it for operations and for request options.
   */
  assertSupported(feature: string, versions: readonly ApiVersion[] | undefined): void {
    const version = this.apiVersion;
    if (versions && isApiVersion(version) && !versions.includes(version)) {
      throw new UnsupportedApiVersionError(feature, version, versions);
    }
  }

  /** The URL an operation is sent to. */
  url(path: string, deployment: string): string {
    return operationUrl(this.endpoint, this.apiVersion, path, deployment);
  }

  /** Sends an operation and parses its JSON response. */
  async json<T extends object>(request: OperationRequest): Promise<WithResponse<T>> {
    const { raw, state } = await this.send(request, "json");
    const text = raw.bodyAsText ?? "";
    let value: T;
    try {
      value = JSON.parse(text) as T;
    } catch {
      throw new InvalidResponseError(
        "The response body is not valid JSON (truncated?).",
        text,
        requestIdOf(raw),
      );
    }
    if (!value || typeof value !== "object") {
      throw new InvalidResponseError("The response body is not a JSON object.", text, requestIdOf(raw));
    }
    return withResponse(value, responseInfo(raw, state.retryCount));
  }

  /**
   * Low level: sends an operation through the pipeline (retries included) and throws the typed
   * error for an error status. `json()` here, and `requestStream()` / `requestBinary()`, read the
   * body; they are separate functions so that a bundle carries only the ones it calls.
   */
  async send(request: OperationRequest, mode: "json" | "binary" | "sse"): Promise<SentRequest> {
    const { path, deployment, options } = request;
    this.assertSupported(path, request.versions ?? versionsFor(path));
    const url = operationUrl(this.endpoint, this.apiVersion, path, deployment);
    const signal = options?.signal;
    if (signal?.aborted) throw toSdkError(signal.reason, signal);
    const controller = new AbortController();
    const abortSignal = signal ? AbortSignal.any([signal, controller.signal]) : controller.signal;

    const headers = createHeaders(this.defaultHeaders);
    headers.set(USER_AGENT_HEADER, this.userAgentFor(request.userAgent));
    headers.set("accept", request.accept ?? ACCEPT[mode]);
    const body = await this.serialize(request, headers);
    if (options?.headers)
      for (const [name, value] of Object.entries(options.headers)) headers.set(name, value);

    const pipelineRequest: PipelineRequest = {
      url,
      method: request.method ?? "POST",
      headers,
      body,
      abortSignal,
      timeout: 0,
      withCredentials: false,
      // For plugged-in policies that read it; browsers have randomUUID in secure contexts only.
      requestId: globalThis.crypto?.randomUUID?.() ?? "",
      // The endpoint check allows plain http only on loopback (a local emulator).
      allowInsecureConnection: this.endpoint.startsWith("http:"),
      streamResponseStatusCodes: mode === "json" ? undefined : (STREAMED as Set<number>),
    };
    const state: CallState = {
      maxRetries:
        options?.maxRetries === undefined ? this.maxRetries : checkCount(options.maxRetries, "maxRetries"),
      maxRetryAfterMs: this.maxRetryAfter,
      timeoutMs: options?.timeout === undefined ? this.timeout : checkDuration(options.timeout, "timeout"),
      replayable: true,
      retryCount: 0,
    };
    callStates.set(pipelineRequest, state);

    let raw: PipelineResponse;
    try {
      raw = await this.sendThroughPipeline(pipelineRequest);
    } catch (error) {
      throw toSdkError(error, signal);
    }
    if (raw.status >= 400) {
      throw createAPIError({
        status: raw.status,
        error: parseErrorBody(raw.bodyAsText ?? undefined),
        headers: headersRecord(raw.headers),
        retryAfterMs: retryAfterMs(raw.headers),
        retryCount: state.retryCount,
      });
    }
    return { raw, state, controller, signal };
  }

  private async serialize(
    request: OperationRequest,
    headers: HttpHeaders,
  ): Promise<string | Uint8Array | undefined> {
    const { body, deployment } = request;
    if (body === undefined) return undefined;
    const v1 = this.apiVersion === "v1";
    if (typeof FormData !== "undefined" && body instanceof FormData) {
      if (v1) body.set("model", deployment);
      // Response serialises FormData with a boundary in every runtime, and bytes can be resent on retry.
      const encoded = new Response(body);
      headers.set("content-type", encoded.headers.get("content-type") ?? "multipart/form-data");
      return new Uint8Array(await encoded.arrayBuffer());
    }
    headers.set("content-type", "application/json");
    return JSON.stringify(v1 ? { ...body, model: deployment } : body);
  }

  private userAgentFor(feature: string | undefined): string {
    let value = this.userAgents.get(feature);
    if (value === undefined) {
      value = userAgent(this.userAgentPrefix, feature);
      this.userAgents.set(feature, value);
    }
    return value;
  }
}

function requestIdOf(raw: PipelineResponse): string | undefined {
  return raw.headers.get("x-request-id") ?? raw.headers.get("apim-request-id");
}

function checkApiVersion(version: string): ApiVersion | (string & {}) {
  if (isApiVersion(version) || DATED_VERSION.test(version)) return version;
  throw new InvalidInputError(
    `apiVersion ${JSON.stringify(version)} is not an API version; known: ${API_VERSIONS.join(", ")}.`,
    "apiVersion",
  );
}

function checkCount(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0)
    throw new InvalidInputError(`${name} must be a whole number >= 0, got ${value}.`, name);
  return value;
}

function checkDuration(value: number, name: string): number {
  if (!(typeof value === "number" && value > 0))
    throw new InvalidInputError(`${name} must be a number of ms > 0, got ${value}.`, name);
  return value;
}
