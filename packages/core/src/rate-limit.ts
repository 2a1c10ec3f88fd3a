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
  /** `x-ratelimit-reset-requests` (seconds, as Azure sends it), in ms. */
  readonly resetRequestsMs: number | undefined;
  /** `x-ratelimit-limit-tokens` */
  readonly limitTokens: number | undefined;
  /** `x-ratelimit-remaining-tokens` */
  readonly remainingTokens: number | undefined;
  /** `x-ratelimit-reset-tokens` (seconds), in ms. */
  readonly resetTokensMs: number | undefined;
}

export function rateLimitOf(headers: { get(name: string): string | undefined }): RateLimitInfo {
  const read = (name: string) => numberOf(headers.get(`x-ratelimit-${name}`));
  const ms = (name: string) => {
    const seconds = read(name);
    return seconds === undefined ? undefined : seconds * 1000;
  };
  return {
    limitRequests: read("limit-requests"),
    remainingRequests: read("remaining-requests"),
    resetRequestsMs: ms("reset-requests"),
    limitTokens: read("limit-tokens"),
    remainingTokens: read("remaining-tokens"),
    resetTokensMs: ms("reset-tokens"),
  };
}

/** A number, or `undefined` for an absent, blank or unreadable value (never NaN). A `%` is dropped. */
export function numberOf(value: string | undefined): number | undefined {
  const text = value?.replace(/%\s*$/, "").trim();
  const n = text ? Number(text) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}
