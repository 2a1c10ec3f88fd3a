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

/**
 * Each field's name is made from its header's (`x-ratelimit-reset-tokens` -> `resetTokensMs`)
 * rather than listed: every browser bundle carries this, and six spelled-out pairs cost more.
 */
export function rateLimitOf(headers: { get(name: string): string | undefined }): RateLimitInfo {
  const out: Record<string, number | undefined> = {};
  for (const unit of ["Requests", "Tokens"])
    for (const kind of ["limit", "remaining", "reset"]) {
      const n = numberOf(headers.get(`x-ratelimit-${kind}-${unit.toLowerCase()}`));
      // Resets come in seconds, as Azure sends them; the field is in ms.
      if (kind === "reset") out[`${kind}${unit}Ms`] = n === undefined ? n : n * 1000;
      else out[`${kind}${unit}`] = n;
    }
  return out as unknown as RateLimitInfo;
}

/** A number, or `undefined` for an absent, blank or unreadable value (never NaN). A `%` is dropped. */
export function numberOf(value: string | undefined): number | undefined {
  const text = value?.replace(/%\s*$/, "").trim();
  const n = text ? Number(text) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}
