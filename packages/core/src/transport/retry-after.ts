import { numberOf } from "../rate-limit.js";
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
    const ms = numberOf(headers.get(name));
    if (ms !== undefined && ms >= 0) return ms;
  }
  const value = headers.get("retry-after");
  const seconds = numberOf(value);
  if (seconds !== undefined) return seconds >= 0 ? seconds * 1000 : undefined;
  // Absent or blank: NaN, as any other text that is not a date.
  const date = Date.parse(value as string);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
