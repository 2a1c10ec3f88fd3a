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
    const value = headers.get(name);
    if (value !== undefined) {
      const ms = Number(value);
      if (value.trim() !== "" && Number.isFinite(ms) && ms >= 0) return ms;
    }
  }
  const value = headers.get("retry-after");
  if (value === undefined || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
