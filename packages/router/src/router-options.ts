import type { AzureOpenAIClientOptions } from "@aoai/core";
import type { RouterEvent } from "./router-events.js";
import type { RouterStore } from "./store.js";

/** Per-target client options: everything of a core client but where it connects and how it authenticates. */
export type TargetClientOptions = Omit<
  AzureOpenAIClientOptions,
  "endpoint" | "apiVersion" | "apiKey" | "credential" | "tokenProvider" | "maxRetries"
>;

/** One deployment a logical deployment name may be served by. */
export interface RouterTarget {
  /** The resource's endpoint, or an API Management gateway URL that serves Azure OpenAI's routes. */
  endpoint: string;
  /** The deployment's name on that endpoint. */
  deployment: string;
  /** An API key (or `AzureKeyCredential`); with `apiKeyHeader`, a gateway's subscription key. */
  apiKey?: AzureOpenAIClientOptions["apiKey"];
  /** A Microsoft Entra `TokenCredential`. */
  credential?: AzureOpenAIClientOptions["credential"];
  /** A function that returns a bearer token. */
  tokenProvider?: AzureOpenAIClientOptions["tokenProvider"];
  /**
   * The header `apiKey` is sent in: `"Ocp-Apim-Subscription-Key"` for an API Management gateway,
   * or any header the gateway expects. @default "api-key"
   */
  apiKeyHeader?: string;
  /** Lower numbers are used first; a higher number only while every lower one is throttled or unhealthy. @default 1 */
  priority?: number;
  /** Share of the calls within its priority group; 0 takes calls only when the rest of its group cannot. @default 1 */
  weight?: number;
  /** The name events, logs and `_response` use for it: letters, digits and `.:/_-`. @default "<host>/<deployment>" */
  name?: string;
  /**
   * Sends `x-ms-spillover-deployment` with this deployment name, so Azure itself spills a
   * provisioned deployment's overflow to a standard deployment of the same resource.
   */
  spilloverDeployment?: string;
  /** Options of this target's own client (timeout, HTTP client, policies, default headers…). */
  options?: TargetClientOptions;
}

/** Circuit breaker settings, the same for every target. */
export interface BreakerOptions {
  /** Consecutive failures (5xx, connection failures, timeouts) that open the breaker. @default 3 */
  failures?: number;
  /** How long an open breaker keeps the target out before one probe call may try it. @default 30000 */
  openMs?: number;
}

/** Options of {@link AzureOpenAIRouter}. */
export interface RouterOptions
  extends Pick<
    AzureOpenAIClientOptions,
    | "maxRetries"
    | "timeout"
    | "streamIdleTimeout"
    | "maxRetryAfter"
    | "versionChecks"
    | "defaultHeaders"
    | "userAgentPrefix"
  > {
  /**
   * The API version of every call, whatever the target. Without one, each call goes where Azure
   * serves it, as a core client's does (the v1 API for chat, embeddings, responses…). On the v1
   * API the router routes by the body's `model` and sends each target its own deployment there.
   * @default per operation, or OPENAI_API_VERSION when set
   */
  apiVersion?: AzureOpenAIClientOptions["apiVersion"];
  /** Logical deployment name -> the targets that serve it. */
  pools: Readonly<Record<string, readonly RouterTarget[]>>;
  /**
   * The name of the target whose resource (endpoint and credential) serves resource operations:
   * files, batches, vector stores, fine-tuning, stored responses by id. They are kept by one
   * resource, so they are never moved to another.
   * @default the resource of every target when they share one; else such calls are refused
   */
  resources?: string;
  /** Where cooldowns, breaker states and rate-limit budgets are kept. @default an in-memory store */
  store?: RouterStore;
  /** The circuit breaker of each target. @default { failures: 3, openMs: 30000 } */
  breaker?: BreakerOptions;
  /** Cooldown after a 429 that says nothing of how long to wait, in ms. @default 1000 */
  defaultCooldownMs?: number;
  /**
   * How long an `x-ratelimit-remaining-*` reading is trusted to skip a target about to throttle,
   * in ms; 0 never skips on readings (the target's own 429 then moves calls on). @default 1000
   */
  budgetMemoryMs?: number;
  /** Called for each routing event; an exception it throws is ignored. */
  onEvent?: (event: RouterEvent) => void;
  /** Random numbers in [0, 1) for weighted choice (tests make it deterministic). @default Math.random */
  random?: () => number;
}
