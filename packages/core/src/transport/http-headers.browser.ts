import type { HttpHeaders } from "@azure/core-rest-pipeline";

/**
 * Browsers: the platform's `Headers`, case-insensitive already, given core-rest-pipeline's
 * `HttpHeaders` shape (`get` answers `undefined` for an absent header, `toJSON` a plain object).
 * Names come back lower-cased, as fetch sends them; http-headers.ts has the Node side.
 */
class WebHeaders extends Headers {
  // @ts-expect-error HttpHeaders' get answers undefined where Headers' answers null.
  override get(name: string): string | undefined {
    return super.get(name) ?? undefined;
  }

  toJSON(): Record<string, string> {
    return Object.fromEntries(this);
  }
}

/** New headers, with `init` set in order. */
export function createHeaders(init?: Record<string, string>): HttpHeaders {
  return new WebHeaders(init) as unknown as HttpHeaders;
}

/** A fetch response's headers, as they are. */
export function headersOf(web: Headers): HttpHeaders {
  return new WebHeaders(web) as unknown as HttpHeaders;
}
