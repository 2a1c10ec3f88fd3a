/** Something that looks up a response header by name (core-rest-pipeline's `HttpHeaders`). */
export interface HeaderLookup {
  get(name: string): string | undefined;
}

/**
 * The wait a response asks for, in ms: `retry-after-ms`, then `x-ms-retry-after-ms`, then
 * `retry-after` (seconds, or an HTTP date). `undefined` when none is present or parseable.
 */
export function retryAfterMs(headers: HeaderLookup, now: number = Date.now()): number | undefined {
  for (const name of ["retry-after-ms", "x-ms-retry-after-ms"]) {
    // Trimmed first: a blank value is absent, not 0 (Number("") is 0).
    const value = headers.get(name)?.trim();
    const ms = Number(value);
    if (value && Number.isFinite(ms) && ms >= 0) return ms;
  }
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
