import { type ApiVersion, AzureOpenAIClient } from "@aoai/core";
import {
  attachConnection,
  CallRequest,
  type Connection,
  connectionOf,
  defaultHttpClient,
  isTransportError,
  logger,
  retryAfterMs,
  retryPolicy,
} from "@aoai/core/internal";
import { checkPools } from "./check-config.js";
import { router } from "./feature.js";
import { awaitFirstByte } from "./first-byte.js";
import {
  type HealthRules,
  onBudget,
  onChosen,
  onFailure,
  onSuccess,
  onThrottled,
  type Transition,
} from "./health.js";
import type { HttpClient, PipelineRequest, PipelineResponse } from "./pipeline-types.js";
import { ROUTE_TARGET_HEADER, ROUTE_TRIED_HEADER } from "./route-of.js";
import { RouterConfigError } from "./router-config-error.js";
import type { RouterEvent } from "./router-events.js";
import type { RouterOptions, RouterTarget } from "./router-options.js";
import { selectTarget } from "./select.js";
import { HEALTHY, MemoryStore, type RouterStore, type TargetHealth } from "./store.js";

// Never contacted: every call is sent to one of its pool's targets instead.
const ROUTER_ENDPOINT = "https://router.invalid";
const OPENAI = `${ROUTER_ENDPOINT}/openai/`;
// Operations that name their deployment in the body as `model` off the deployment URLs (the v1
// API, and responses on dated previews); fine-tuning's `model` is a base model, not a deployment.
const MODEL_OPS = /^(v1\/)?(chat|completions|embeddings|responses|audio|images)(\/|\?|$)/;
// How long a store that failed is left alone before it is tried again.
const STORE_RETRY_MS = 5000;

interface Target {
  readonly name: string;
  /** The store key: endpoint and deployment, no secret. */
  readonly key: string;
  readonly endpoint: string;
  readonly deployment: string;
  readonly priority: number;
  readonly weight: number;
  readonly spillover: string | undefined;
  readonly ownTimeout: boolean;
  readonly connection: Connection;
}

/** What one call learned across its attempts (core's retries call the router again). */
interface CallTrail {
  tried: string[];
  /** Targets that failed this call: avoided by its next attempts while another may serve. */
  failed: Set<number>;
}

/**
 * One logical deployment over many: a drop-in for `AzureOpenAIClient` that every feature package
 * takes (`new ChatClient(router, "gpt-4o")`), sending each call to a target of the pool named by
 * the deployment (in the URL, or on the v1 API as the body's `model`, which each target gets as
 * its own deployment; resource operations go to the `resources` target). Priority groups,
 * weights, a cooldown per target after a 429 (the call moves on at once), skipping a target whose
 * `x-ratelimit-remaining-*` says it is about to throttle, a circuit breaker per target, and never
 * a duplicate: a body that cannot be replayed is sent once, a call that may have reached the
 * service is retried only under core's retry rules, and a stream moves only before its first
 * byte. Its targets' credentials are never reachable from the object.
 */
export class AzureOpenAIRouter {
  /** Not a real endpoint: calls go to the targets' endpoints. */
  readonly endpoint: string = ROUTER_ENDPOINT;
  /** The API version of every call, whatever the target. */
  readonly apiVersion: ApiVersion | (string & {});
  readonly #pools = new Map<string, Target[]>();
  /** Pools whose targets are in more than one resource. */
  readonly #spans = new Set<string>();
  /** The target whose resource serves resource operations (files, batches…). */
  readonly #home: Target | undefined;
  readonly #store: RouterStore;
  readonly #local = new MemoryStore();
  /** While a failed store is left alone (ms since the epoch). */
  #storeDownUntil = 0;
  readonly #rules: HealthRules;
  readonly #cooldownMs: number;
  readonly #random: () => number;
  readonly #onEvent: ((event: RouterEvent) => void) | undefined;
  readonly #trails = new WeakMap<PipelineRequest, CallTrail>();
  readonly #idleMs: number;

  constructor(options: RouterOptions) {
    checkPools(options?.pools);
    // The router's own settings, checked as a client's are; this client never sends anything.
    const settings = new AzureOpenAIClient({
      endpoint: ROUTER_ENDPOINT,
      apiKey: "unused",
      apiVersion: options.apiVersion,
      maxRetries: options.maxRetries,
      timeout: options.timeout,
      streamIdleTimeout: options.streamIdleTimeout,
      maxRetryAfter: options.maxRetryAfter,
      versionChecks: options.versionChecks,
      defaultHeaders: options.defaultHeaders,
      userAgentPrefix: options.userAgentPrefix,
    });
    const base = connectionOf(settings);
    this.apiVersion = settings.apiVersion;
    const breaker = options.breaker ?? {};
    this.#rules = {
      failures: positive(breaker.failures ?? 3, "breaker.failures"),
      openMs: positive(breaker.openMs ?? 30_000, "breaker.openMs"),
      budgetMemoryMs: positive(options.budgetMemoryMs ?? 1000, "budgetMemoryMs", true),
    };
    this.#cooldownMs = positive(options.defaultCooldownMs ?? 1000, "defaultCooldownMs");
    this.#store = options.store ?? this.#local;
    this.#random = options.random ?? Math.random;
    this.#onEvent = options.onEvent;
    this.#idleMs = base.streamIdleTimeout;
    const all: Target[] = [];
    for (const [logical, targets] of Object.entries(options.pools)) {
      const pool = targets.map((t) => makeTarget(t, this.apiVersion));
      this.#pools.set(logical, pool);
      if (new Set(pool.map((t) => t.endpoint)).size > 1) this.#spans.add(logical);
      all.push(...pool);
    }
    const home = options.resources;
    this.#home =
      home === undefined
        ? all.every((t) => t.endpoint === all[0]!.endpoint)
          ? all[0]
          : undefined
        : all.find((t) => t.name === home);
    if (home !== undefined && !this.#home)
      throw new RouterConfigError(`resources: no target is named ${JSON.stringify(home)}.`, "resources");
    const retry = retryPolicy();
    attachConnection(this, {
      maxRetries: base.maxRetries,
      timeout: base.timeout,
      streamIdleTimeout: base.streamIdleTimeout,
      maxRetryAfter: base.maxRetryAfter,
      retryUncertain: base.retryUncertain,
      versionChecks: base.versionChecks,
      // Given no version, each call goes where Azure serves it, as a client's does: the router
      // routes the deployment in the URL, or the v1 API's `model` in the body.
      autoVersion: base.autoVersion,
      // The calling package's token, then the router's: the service's logs tell routed calls apart.
      headers: (feature) => base.headers(feature ? `${feature} ${router.userAgent}` : router.userAgent),
      auth: {
        name: "aoaiRouterAuth",
        sendRequest() {
          throw new RouterConfigError(
            "The router routes HTTP calls only: open realtime sessions with a client of one target.",
            "client",
          );
        },
      },
      pipeline: (request) => retry.sendRequest(request, (r) => this.#dispatch(r)),
    });
  }

  /** The logical deployment names the router serves. */
  get deployments(): string[] {
    return [...this.#pools.keys()];
  }

  async #dispatch(request: PipelineRequest): Promise<PipelineResponse> {
    // The call's settings and state travel on its request (core's CallRequest).
    if (!(request instanceof CallRequest) || !request.url.startsWith(OPENAI))
      throw new RouterConfigError("The router sends calls made by @aoai packages only.", "client");
    const after = request.url.slice(OPENAI.length);
    let logical: string | undefined;
    let rest = "";
    let json: Record<string, unknown> | undefined;
    if (after.startsWith("deployments/")) {
      const end = after.indexOf("/", 12);
      logical = decodeURIComponent(after.slice(12, end < 0 ? undefined : end));
      rest = end < 0 ? "" : after.slice(end);
    } else if (MODEL_OPS.test(after)) {
      if (typeof request.body === "string") {
        json = JSON.parse(request.body) as Record<string, unknown>;
        if (typeof json.model === "string") logical = json.model;
      } else if (request.body !== undefined)
        throw new RouterConfigError(
          "A form on the v1 API hides its deployment from the router: pass a dated apiVersion, or none.",
          "apiVersion",
        );
    }
    if (logical === undefined) return this.#resource(request, after);
    const pool = this.#pools.get(logical);
    if (!pool)
      throw new RouterConfigError(
        `The router has no pool named ${JSON.stringify(logical)}; it has: ${this.deployments.join(", ")}.`,
        "deployment",
      );
    if (this.#spans.has(logical) && (json?.previous_response_id != null || json?.conversation != null))
      throw new RouterConfigError(
        `Pool ${JSON.stringify(logical)} spans resources; stored responses stay where they were made: send the history (store: false).`,
        json!.conversation != null ? "conversation" : "previous_response_id",
      );
    let trail = this.#trails.get(request);
    if (!trail) {
      trail = { tried: [], failed: new Set() };
      this.#trails.set(request, trail);
    }
    const tokens = typeof request.body === "string" ? Math.ceil(request.body.length / 4) : 0;
    // Targets this attempt moved on from at once (a 429, a refused connection): never twice.
    const skipped = new Set<number>();
    let index = await this.#select(pool, skipped, trail, tokens);
    for (;;) {
      if (index === undefined)
        throw new RouterConfigError(`Pool ${JSON.stringify(logical)} has no target left.`, "deployment");
      const target = pool[index]!;
      const now = Date.now();
      const chosen = onChosen(
        await this.#read(target),
        now,
        request.timeoutMs > 0 && request.timeoutMs < Infinity ? request.timeoutMs : 60_000,
      );
      if (chosen.probeUntil !== 0) await this.#write(target, chosen);
      this.#emit({ type: "chosen", pool: logical, target: target.name, probe: chosen.probeUntil > now });
      logger.info(`Router: ${logical} -> ${target.name}`);

      const sub = subRequest(
        request,
        target,
        `${target.endpoint}/openai/${json ? after : `deployments/${encodeURIComponent(target.deployment)}${rest}`}`,
        // The v1 API's `model` is the deployment: each target gets its own.
        json ? JSON.stringify({ ...json, model: target.deployment }) : request.body,
        true,
      );
      let response: PipelineResponse;
      try {
        response = await target.connection.pipeline(sub);
      } catch (error) {
        request.controller = sub.controller;
        if (request.signal?.aborted || !isTransportError(error) || error.response) throw error;
        const code = error.code ?? "connection";
        trail.tried.push(`${target.name}=${code}`);
        trail.failed.add(index);
        await this.#failed(logical, target, code);
        if (code === "ECONNREFUSED" && request.replayable) {
          // Refused: nothing reached the service, so another target may take the call at once.
          skipped.add(index);
          const next = await this.#select(pool, skipped, trail, tokens);
          if (next !== undefined) {
            index = next;
            continue;
          }
        }
        throw error;
      }
      // The caller's reader stops a stream and lets go of its signal through the call's request.
      request.controller = sub.controller;
      request.release = sub.release;
      await this.#write(target, onBudget(await this.#read(target), response.headers, Date.now()));

      if (response.status === 429) {
        const waitMs = retryAfterMs(response.headers) ?? this.#cooldownMs;
        await this.#write(target, onThrottled(await this.#read(target), Date.now(), waitMs));
        this.#emit({ type: "throttled", pool: logical, target: target.name, cooldownMs: waitMs });
        logger.warning(`Router: ${target.name} throttled (429), cooling down ${waitMs} ms`);
        trail.tried.push(`${target.name}=429`);
        if (request.replayable && !request.signal?.aborted) {
          skipped.add(index);
          const next = await this.#select(pool, skipped, trail, tokens);
          if (next !== undefined) {
            discard(response);
            index = next;
            continue;
          }
        }
        return annotate(response, target, trail);
      }
      if (response.status >= 500 || response.status === 408) {
        trail.tried.push(`${target.name}=${response.status}`);
        trail.failed.add(index);
        await this.#failed(logical, target, String(response.status));
        // It may have reached the service: core's retry rules decide what happens next.
        return annotate(response, target, trail);
      }
      if (response.status < 300 && (response.readableStreamBody || response.browserStreamBody)) {
        const started = await awaitFirstByte(response, this.#idleMs, () => sub.controller?.abort());
        if (!started) {
          sub.release?.();
          trail.tried.push(`${target.name}=cut`);
          trail.failed.add(index);
          await this.#failed(logical, target, "stream cut before its first byte");
          // A transport failure to core's retry rules, which send it again (elsewhere) if they may.
          throw Object.assign(new Error("The stream ended before its first byte."), {
            name: "RestError",
            code: "ECONNRESET",
          });
        }
      }
      const [health, transition] = onSuccess(await this.#read(target));
      if (transition) {
        await this.#write(target, health);
        this.#transition(logical, target, transition, "");
      }
      return annotate(response, target, trail);
    }
  }

  /** A resource operation (files, batches, vector stores, a stored response): to one resource, never moved. */
  async #resource(request: CallRequest, after: string): Promise<PipelineResponse> {
    const home = this.#home;
    if (!home)
      throw new RouterConfigError(
        "Files, batches, stored responses… stay in one resource, and the targets span several: name one with the resources option.",
        "resources",
      );
    const sub = subRequest(request, home, `${home.endpoint}/openai/${after}`, request.body, false);
    try {
      const response = await home.connection.pipeline(sub);
      request.release = sub.release;
      return annotate(response, home, { tried: [], failed: new Set() });
    } finally {
      request.controller = sub.controller;
    }
  }

  async #select(
    pool: Target[],
    skipped: Set<number>,
    trail: CallTrail,
    tokens: number,
  ): Promise<number | undefined> {
    const health = await Promise.all(pool.map((t) => this.#read(t)));
    const now = Date.now();
    const avoid = new Set([...skipped, ...trail.failed]);
    return (
      selectTarget(pool, health, avoid, now, tokens, this.#rules, this.#random) ??
      selectTarget(pool, health, skipped, now, tokens, this.#rules, this.#random)
    );
  }

  async #failed(logical: string, target: Target, reason: string): Promise<void> {
    const [health, transition] = onFailure(await this.#read(target), Date.now(), this.#rules);
    await this.#write(target, health);
    this.#transition(logical, target, transition, reason);
  }

  #transition(logical: string, target: Target, transition: Transition, reason: string): void {
    if (transition === "tripped") {
      this.#emit({ type: "tripped", pool: logical, target: target.name, reason, openMs: this.#rules.openMs });
      logger.warning(`Router: ${target.name} taken out for ${this.#rules.openMs} ms after ${reason}`);
    } else if (transition === "recovered") {
      this.#emit({ type: "recovered", pool: logical, target: target.name });
      logger.info(`Router: ${target.name} recovered`);
    }
  }

  async #read(target: Target): Promise<TargetHealth> {
    if (Date.now() >= this.#storeDownUntil)
      try {
        return (await this.#store.get(target.key)) ?? HEALTHY;
      } catch (error) {
        this.#storeLost(error);
      }
    return this.#local.get(target.key) ?? HEALTHY;
  }

  async #write(target: Target, health: TargetHealth): Promise<void> {
    this.#local.set(target.key, health);
    if (Date.now() < this.#storeDownUntil || this.#store === this.#local) return;
    try {
      await this.#store.set(target.key, health);
    } catch (error) {
      this.#storeLost(error);
    }
  }

  // A store that fails is left for this process's memory for a while: routing goes on without
  // shared state, and tries the store again later.
  #storeLost(error: unknown): void {
    if (Date.now() < this.#storeDownUntil) return;
    this.#storeDownUntil = Date.now() + STORE_RETRY_MS;
    logger.warning(
      `Router: store unreachable (${(error as Error)?.message}); using local state for ${STORE_RETRY_MS} ms`,
    );
  }

  #emit(event: RouterEvent): void {
    try {
      this.#onEvent?.(event);
    } catch {
      // A listener's failure is not the call's.
    }
  }
}

function makeTarget(t: RouterTarget, apiVersion: string): Target {
  const inner = t.options?.httpClient;
  const client = new AzureOpenAIClient({
    ...t.options,
    endpoint: t.endpoint,
    apiVersion,
    apiKey: t.apiKey,
    credential: t.credential,
    tokenProvider: t.tokenProvider,
    maxRetries: 0,
    httpClient:
      t.apiKeyHeader === undefined || t.apiKeyHeader.toLowerCase() === "api-key"
        ? inner
        : keyHeaderClient(inner ?? defaultHttpClient(), t.apiKeyHeader),
  });
  const host = new URL(client.endpoint).host;
  return {
    name: t.name ?? `${host}/${t.deployment}`,
    key: `${client.endpoint} ${t.deployment}`,
    endpoint: client.endpoint,
    deployment: t.deployment,
    priority: t.priority ?? 1,
    weight: t.weight ?? 1,
    spillover: t.spilloverDeployment,
    ownTimeout: t.options?.timeout !== undefined,
    connection: connectionOf(client),
  };
}

/** Sends the key in a gateway's header (API Management's `Ocp-Apim-Subscription-Key`…) instead of `api-key`. */
function keyHeaderClient(inner: HttpClient, header: string): HttpClient {
  return {
    sendRequest(request) {
      const key = request.headers.get("api-key");
      if (key !== undefined) {
        request.headers.delete("api-key");
        request.headers.set(header, key);
      }
      return inner.sendRequest(request);
    },
  };
}

/**
 * The call's request as one target gets it: its URL, its headers (never another target's
 * credential), and the call's settings with one attempt (the router's retry policy makes the
 * others) and the target's own timeout when it has one.
 */
function subRequest(
  request: CallRequest,
  target: Target,
  url: string,
  body: CallRequest["body"],
  spill: boolean,
): CallRequest {
  const headers = target.connection.headers(undefined);
  for (const [name, value] of Object.entries(request.headers.toJSON({ preserveCase: true })))
    headers.set(name, value);
  if (spill && target.spillover !== undefined) headers.set("x-ms-spillover-deployment", target.spillover);
  return new CallRequest(
    {
      maxRetries: 0,
      maxRetryAfter: request.maxRetryAfterMs,
      timeout: target.ownTimeout ? target.connection.timeout : request.timeoutMs,
      streamIdleTimeout: request.idleTimeoutMs,
      retryUncertain: request.retryUncertain,
    },
    url,
    request.method,
    headers,
    body,
    request.replayable,
    request.streamResponseStatusCodes !== undefined,
    // The caller's signal, and the call's choice on uncertain failures even for a create.
    { signal: request.signal, retryUncertain: request.retryUncertain },
    request.creates,
  );
}

function annotate(response: PipelineResponse, target: Target, trail: CallTrail): PipelineResponse {
  response.headers.set(ROUTE_TARGET_HEADER, target.name);
  if (trail.tried.length > 0) response.headers.set(ROUTE_TRIED_HEADER, trail.tried.join(", "));
  return response;
}

/** Releases a response that will not be read, so its connection is freed. */
function discard(response: PipelineResponse): void {
  response.browserStreamBody?.cancel().catch(() => {});
  (response.readableStreamBody as { resume?: () => void } | undefined)?.resume?.();
}

function positive(value: number, name: string, zero = false): number {
  if (!(typeof value === "number" && (value > 0 || (zero && value === 0))))
    throw new RouterConfigError(`${name} must be a number ${zero ? ">=" : ">"} 0, got ${value}.`, name);
  return value;
}
