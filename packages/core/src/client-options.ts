import type { KeyCredential, TokenCredential } from "@azure/core-auth";
import type { HttpClient, PipelinePolicy } from "@azure/core-rest-pipeline";
import type { ApiVersion } from "./api-versions.js";

/** A policy to add to the pipeline: once per call, or on every attempt (after retries). */
export interface AdditionalPolicy {
  policy: PipelinePolicy;
  /** @default "perCall" */
  position?: "perCall" | "perRetry";
}

/** How a client connects. Exactly one of `apiKey`, `credential` and `tokenProvider` is required. */
export interface AzureOpenAIClientOptions {
  /**
   * The resource endpoint, e.g. `https://my-resource.openai.azure.com`. HTTPS is required except on
   * loopback. @default process.env.AZURE_OPENAI_ENDPOINT
   */
  endpoint?: string;
  /**
   * An API key, or an `AzureKeyCredential` whose key can be rotated in place. Sent as `api-key`.
   * @default process.env.AZURE_OPENAI_API_KEY, when no other credential is given
   */
  apiKey?: string | KeyCredential;
  /** A Microsoft Entra credential, such as `DefaultAzureCredential` from @azure/identity. */
  credential?: TokenCredential;
  /** A function that returns a bearer token; called before every attempt, so it should cache. */
  tokenProvider?: () => string | Promise<string>;
  /**
   * Entra scope(s) for `credential`, as given (see also `audience`).
   * @default by the endpoint's host: "https://ai.azure.com/.default" for `*.services.ai.azure.com`,
   * "https://cognitiveservices.azure.us/.default" (`.cn`) for Azure Government (China) hosts, else
   * "https://cognitiveservices.azure.com/.default"
   */
  scopes?: string | string[];
  /**
   * The Entra audience for `credential`, e.g. `https://cognitiveservices.azure.us` for a sovereign
   * cloud behind a custom domain: the scope asked for is `<audience>/.default`. Not with `scopes`.
   * @default by the endpoint's host (see `scopes`)
   */
  audience?: string;
  /**
   * The API version. A dated version this SDK does not know yet is sent as given, unchecked.
   * @default process.env.OPENAI_API_VERSION, else each operation where Azure serves it GA: the v1
   * API (chat, embeddings, files, fine-tuning), else 2024-10-21 (completions, audio transcription
   * and translation, images, batches), else the newest dated preview that has it (speech, image
   * edits, and an option only previews have)
   */
  apiVersion?: ApiVersion | (string & {});
  /** Retries after the first attempt; 0 disables them. @default 2 */
  maxRetries?: number;
  /**
   * Time allowed per attempt, in ms: for a JSON answer the whole response, for a stream or a binary
   * body the response headers (a long stream is never cut off by it). @default 600000 (10 minutes)
   */
  timeout?: number;
  /**
   * Time a stream (events, a download) may send nothing before it fails with
   * `APIConnectionTimeoutError`, in ms; `Infinity` turns it off. Counted only while the SDK waits
   * for data, not while your code handles a chunk. @default 300000 (5 minutes)
   */
  streamIdleTimeout?: number;
  /**
   * The longest server-requested wait (`retry-after`…) to sleep through, in ms. A longer one throws
   * at once (a `RateLimitError` for 429) carrying `retryAfterMs`. @default 60000
   */
  maxRetryAfter?: number;
  /**
   * Whether a failure after which the service may have done the work is retried: a connection
   * reset or a timeout after the request was sent (the answer may be what was lost), or a 500,
   * 502 or 504. Failures that prove nothing was done (no connection, 408, 409, 429, 503) are
   * retried either way. Inference calls follow this setting (a retried chat or image call may be
   * billed twice); creates of lasting objects (a file upload, a batch, a fine-tuning job) are
   * never resent after such a failure unless a call sets it: they throw `CreateNotConfirmedError`.
   * @default true
   */
  retryUncertain?: boolean;
  /**
   * Whether operations and request options are checked against the API version before sending
   * (an `UnsupportedApiVersionError` names the versions that have them). Turn it off to let the
   * service judge, e.g. for a feature the service gained before this SDK's tables did.
   * @default true
   */
  versionChecks?: boolean;
  /** Headers sent with every request. */
  defaultHeaders?: Record<string, string>;
  /** Put in front of the User-Agent, e.g. `my-app/1.2`. */
  userAgentPrefix?: string;
  /** Replaces the HTTP client (node:http in Node, fetch in browsers). */
  httpClient?: HttpClient;
  /** Extra pipeline policies. */
  policies?: AdditionalPolicy[];
}

/** Per-call overrides, accepted by every operation. */
export interface RequestOptions {
  /** Cancels the call, including a retry wait or a stream in progress. */
  signal?: AbortSignal;
  /** Overrides the client's `timeout` (ms) for this call. */
  timeout?: number;
  /** Overrides the client's `streamIdleTimeout` (ms) for this call. */
  streamIdleTimeout?: number;
  /** Overrides the client's `maxRetries` for this call. */
  maxRetries?: number;
  /**
   * Overrides the client's `retryUncertain` for this call; on a create of a lasting object (a
   * file upload, a batch, a fine-tuning job), `true` resends it after a failure that may have
   * made the object, at the risk of a duplicate. @default the client's, false for such creates
   */
  retryUncertain?: boolean;
  /** Extra headers for this call; they win over the client's. */
  headers?: Record<string, string>;
}
