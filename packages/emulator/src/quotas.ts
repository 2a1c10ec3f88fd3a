import { EmulatorHttpError } from "./errors.js";
import { statusFaultBody } from "./fault-bodies.js";

/** A deployment's quota, as Azure sets it per deployment: requests and tokens per minute. */
export interface DeploymentQuota {
  /** Requests per minute; unlimited when absent. */
  requestsPerMinute?: number;
  /** Tokens per minute (prompt estimate plus `max_tokens`, as Azure counts before the model runs); unlimited when absent. */
  tokensPerMinute?: number;
}

interface Window {
  start: number;
  requests: number;
  tokens: number;
}

/** What one admitted or refused request reports in its `x-ratelimit-*` headers. */
export interface QuotaVerdict {
  headers: Record<string, string>;
  /** Set when the request is refused: Azure's 429. */
  refusal?: EmulatorHttpError;
}

/**
 * Enforces per-deployment quotas over a fixed window (`windowMs`, a minute by default; tests
 * shorten it). A refused request does not count: Azure bills nothing for a 429.
 */
export class QuotaLimiter {
  readonly #quotas: Readonly<Record<string, DeploymentQuota>>;
  readonly #windowMs: number;
  readonly #windows = new Map<string, Window>();

  constructor(quotas: Readonly<Record<string, DeploymentQuota>>, windowMs: number) {
    for (const [name, quota] of Object.entries(quotas)) {
      for (const field of ["requestsPerMinute", "tokensPerMinute"] as const) {
        const value = quota[field];
        if (value !== undefined && !(Number.isInteger(value) && value > 0))
          throw new TypeError(`quotas.${name}.${field} must be a whole number > 0, got ${value}`);
      }
    }
    if (!(Number.isFinite(windowMs) && windowMs > 0))
      throw new TypeError(`quotaWindowMs must be a number of ms > 0, got ${windowMs}`);
    this.#quotas = quotas;
    this.#windowMs = windowMs;
  }

  /** True when no deployment has a quota: nothing to count. */
  get empty(): boolean {
    return Object.keys(this.#quotas).length === 0;
  }

  /** True when `deployment` has a quota. */
  has(deployment: string): boolean {
    return Object.hasOwn(this.#quotas, deployment);
  }

  /** Counts one request of `tokens` estimated tokens against `deployment`'s quota, or refuses it. */
  take(
    deployment: string,
    tokens: number,
    operation: string,
    apiVersion: string,
    now = Date.now(),
  ): QuotaVerdict {
    const quota = this.#quotas[deployment]!;
    let window = this.#windows.get(deployment);
    if (!window || now - window.start >= this.#windowMs) {
      window = { start: now, requests: 0, tokens: 0 };
      this.#windows.set(deployment, window);
    }
    const rpm = quota.requestsPerMinute ?? Number.MAX_SAFE_INTEGER;
    const tpm = quota.tokensPerMinute ?? Number.MAX_SAFE_INTEGER;
    const refused = window.requests + 1 > rpm || window.tokens + tokens > tpm;
    if (!refused) {
      window.requests += 1;
      window.tokens += tokens;
    }
    const headers: Record<string, string> = {};
    if (quota.requestsPerMinute !== undefined) {
      headers["x-ratelimit-limit-requests"] = String(rpm);
      headers["x-ratelimit-remaining-requests"] = String(Math.max(0, rpm - window.requests));
    }
    if (quota.tokensPerMinute !== undefined) {
      headers["x-ratelimit-limit-tokens"] = String(tpm);
      headers["x-ratelimit-remaining-tokens"] = String(Math.max(0, tpm - window.tokens));
    }
    if (!refused) return { headers };
    const waitMs = Math.max(1, window.start + this.#windowMs - now);
    const seconds = Math.ceil(waitMs / 1000);
    const retry = { "retry-after-ms": String(waitMs), "retry-after": String(seconds) };
    const body = statusFaultBody(429, operation, apiVersion);
    if ("error" in body)
      body.error.message = body.error.message.replace(
        "Please retry after 1 second.",
        `Please retry after ${seconds} second${seconds === 1 ? "" : "s"}.`,
      );
    return {
      headers: { ...headers, ...retry },
      refusal: new EmulatorHttpError(429, body, { ...headers, ...retry }),
    };
  }
}

/**
 * Tokens a request counts before the model runs: about one per 4 bytes of body, plus the
 * completion it may ask for (`max_tokens`, `max_completion_tokens`, `max_output_tokens`).
 */
export function estimateTokens(raw: Buffer, body: Record<string, unknown> | undefined): number {
  const asked = body?.max_tokens ?? body?.max_completion_tokens ?? body?.max_output_tokens;
  return Math.ceil(raw.length / 4) + (typeof asked === "number" && asked > 0 ? asked : 0);
}
