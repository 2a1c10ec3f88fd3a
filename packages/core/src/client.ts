import { type ApiVersion, DEFAULT_API_VERSION } from "./api-versions.js";
import { checkApiVersion } from "./check-api-version.js";
import { checkCount, checkDuration, checkHeader } from "./checks.js";
import type { AzureOpenAIClientOptions } from "./client-options.js";
import { attachConnection } from "./connection.js";
import { authPolicy } from "./credentials.js";
import {
  DEFAULT_MAX_RETRIES,
  DEFAULT_MAX_RETRY_AFTER_MS,
  DEFAULT_STREAM_IDLE_TIMEOUT_MS,
  DEFAULT_TIMEOUT_MS,
} from "./defaults.js";
import { normalizeEndpoint } from "./endpoint.js";
import { readEnv } from "./env.js";
import { InvalidInputError } from "./errors/input-errors.js";
import { buildPipeline } from "./pipeline.js";
import { defaultHttpClient } from "./transport/default-http-client.js";
import { createHeaders } from "./transport/http-headers.js";
import { originGuard } from "./transport/origin-guard.js";
import { USER_AGENT_HEADER, userAgent } from "./user-agent.js";

/**
 * A connection to one Azure OpenAI resource: endpoint, credential, API version, retries and
 * transport. Feature packages (`@aoai/chat`, `@aoai/embeddings`…) take it to make their clients,
 * much as .NET's `azureClient.GetChatClient("my-deployment")`. Its credential is never reachable
 * from the object (inspecting or logging it shows no key or token).
 */
export class AzureOpenAIClient {
  /** The endpoint, normalised (no trailing slash, no `/openai` suffix). */
  // Assigned in the constructor, not declared: a browser bundle spells each name once.
  declare readonly endpoint: string;
  declare readonly apiVersion: ApiVersion | (string & {});

  constructor(options: AzureOpenAIClientOptions = {}) {
    const endpoint = options.endpoint ?? readEnv("AZURE_OPENAI_ENDPOINT");
    if (!endpoint) {
      throw new InvalidInputError("No endpoint: pass endpoint or set AZURE_OPENAI_ENDPOINT.", "endpoint");
    }
    this.endpoint = normalizeEndpoint(endpoint);
    const given = options.apiVersion ?? readEnv("OPENAI_API_VERSION");
    this.apiVersion = checkApiVersion(given ?? DEFAULT_API_VERSION);
    const defaults = { ...options.defaultHeaders };
    for (const [name, value] of Object.entries(defaults)) checkHeader(name, value, "defaultHeaders");
    const prefix = options.userAgentPrefix;
    if (prefix !== undefined) checkHeader(USER_AGENT_HEADER, prefix, "userAgentPrefix");
    const auth = authPolicy(options, this.endpoint);
    attachConnection(this, {
      auth,
      // The default HTTP client (Node's) honours `request.timeout`: buffered calls need no abort
      // controller of the SDK's (transport/buffered-attempt.ts).
      pipeline: buildPipeline(
        originGuard(this.endpoint, auth, Object.keys(defaults)),
        options.policies ?? [],
        options.httpClient ?? defaultHttpClient(),
        !options.httpClient,
      ),
      maxRetries: checkCount(options.maxRetries ?? DEFAULT_MAX_RETRIES, "maxRetries"),
      timeout: checkDuration(options.timeout ?? DEFAULT_TIMEOUT_MS, "timeout"),
      streamIdleTimeout: checkDuration(
        options.streamIdleTimeout ?? DEFAULT_STREAM_IDLE_TIMEOUT_MS,
        "streamIdleTimeout",
      ),
      maxRetryAfter: checkDuration(options.maxRetryAfter ?? DEFAULT_MAX_RETRY_AFTER_MS, "maxRetryAfter"),
      retryUncertain: options.retryUncertain ?? true,
      versionChecks: options.versionChecks ?? true,
      autoVersion: given === undefined,
      headers(feature) {
        const headers = createHeaders(defaults);
        headers.set(USER_AGENT_HEADER, userAgent(prefix, feature));
        return headers;
      },
    });
  }
}
