/** Headers as the pipeline hands them over. */
interface HeaderSource {
  get(name: string): string | undefined;
}

/**
 * The rate-limit headers of a response (`x-ratelimit-*`), typed. A field is `undefined` when the
 * header is absent or unreadable. Azure sends the remaining counts on most answers, the limits and
 * resets on some (a 429 among them).
 */
export interface RateLimitInfo {
  /** `x-ratelimit-limit-requests` */
  readonly limitRequests: number | undefined;
  /** `x-ratelimit-remaining-requests` */
  readonly remainingRequests: number | undefined;
  /** `x-ratelimit-reset-requests`, in ms (Azure sends seconds, openai a duration such as `1m30s`). */
  readonly resetRequestsMs: number | undefined;
  /** `x-ratelimit-limit-tokens` */
  readonly limitTokens: number | undefined;
  /** `x-ratelimit-remaining-tokens` */
  readonly remainingTokens: number | undefined;
  /** `x-ratelimit-reset-tokens`, in ms. */
  readonly resetTokensMs: number | undefined;
}

export function rateLimitOf(headers: HeaderSource): RateLimitInfo {
  return {
    limitRequests: numberOf(headers.get("x-ratelimit-limit-requests")),
    remainingRequests: numberOf(headers.get("x-ratelimit-remaining-requests")),
    resetRequestsMs: durationMs(headers.get("x-ratelimit-reset-requests")),
    limitTokens: numberOf(headers.get("x-ratelimit-limit-tokens")),
    remainingTokens: numberOf(headers.get("x-ratelimit-remaining-tokens")),
    resetTokensMs: durationMs(headers.get("x-ratelimit-reset-tokens")),
  };
}

/** A number, or `undefined` for an absent, blank or unreadable value (never NaN). */
export function numberOf(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|h|m|s))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;

/** Seconds as a bare number, or a Go-style duration (`17ms`, `6m0s`, `1h2m3.5s`), in ms. */
function durationMs(value: string | undefined): number | undefined {
  const seconds = numberOf(value);
  if (seconds !== undefined) return seconds * 1000;
  const text = value?.trim();
  if (!text || !DURATION.test(text)) return undefined;
  let ms = 0;
  for (const [, amount, unit] of text.matchAll(PART)) ms += Number(amount) * (UNIT_MS[unit as string] ?? 0);
  return ms;
}
