/** Statuses worth another attempt: timeouts, lock conflicts, throttling and server faults. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 409, 429, 500, 502, 503, 504]);

/** First backoff step, in ms. @default 500 */
export const INITIAL_RETRY_DELAY_MS = 500;
/** Largest backoff step, in ms. @default 8000 */
export const MAX_RETRY_DELAY_MS = 8000;

/**
 * Exponential backoff with jitter for retry number `attempt` (0 for the first retry): 0.5 s
 * doubling up to 8 s, minus up to 25 % so that many clients throttled together spread out.
 */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_RETRY_DELAY_MS, INITIAL_RETRY_DELAY_MS * 2 ** attempt);
  return Math.round(base * (1 - random() * 0.25));
}

/**
 * Whether a response status should be retried: `x-should-retry` from the service wins over the
 * status table when present. A success is never sent again, whatever its headers say.
 */
export function shouldRetryStatus(status: number, shouldRetryHeader: string | undefined): boolean {
  if (status < 400) return false;
  if (shouldRetryHeader === "true") return true;
  if (shouldRetryHeader === "false") return false;
  return RETRYABLE_STATUSES.has(status);
}
