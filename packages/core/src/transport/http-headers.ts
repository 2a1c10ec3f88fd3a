import type { HttpHeaders, RawHttpHeaders } from "@azure/core-rest-pipeline";

/**
 * Case-insensitive headers with core-rest-pipeline's `HttpHeaders` interface, so its HTTP clients
 * and policies work on them unchanged. Its own `createHttpHeaders` is not used because importing
 * anything from that package at run time loads all of it: 90 ms of a 106 ms cold import in Node
 * (bench/results), and its request and pipeline modules come along in a browser bundle.
 */
class CaseInsensitiveHeaders implements HttpHeaders {
  /** Lower-case name -> [name as set, value]. */
  readonly #map = new Map<string, [string, string]>();

  get(name: string): string | undefined {
    return this.#map.get(name.toLowerCase())?.[1];
  }

  has(name: string): boolean {
    return this.#map.has(name.toLowerCase());
  }

  set(name: string, value: string | number | boolean): void {
    this.#map.set(name.toLowerCase(), [name, String(value).trim()]);
  }

  delete(name: string): void {
    this.#map.delete(name.toLowerCase());
  }

  toJSON(options?: { preserveCase?: boolean }): RawHttpHeaders {
    const out: RawHttpHeaders = {};
    // Over values, not entries: the node:http client calls this once a request, and the entry
    // arrays were 1.4 KB of the SDK's own 10 KB allocated per request (heap sampling, bench chat).
    for (const [name, value] of this.#map.values())
      out[options?.preserveCase ? name : name.toLowerCase()] = value;
    return out;
  }

  *[Symbol.iterator](): Iterator<[string, string]> {
    for (const [name, value] of this.#map.values()) yield [name, value];
  }
}

/** New headers, with `init` set in order. */
export function createHeaders(init?: Record<string, string>): HttpHeaders {
  const headers = new CaseInsensitiveHeaders();
  if (init) for (const name in init) headers.set(name, init[name] as string);
  return headers;
}

/** A fetch response's headers as {@link createHeaders}' (fetch-http-client.ts). */
export function headersOf(web: Headers): HttpHeaders {
  const headers = new CaseInsensitiveHeaders();
  for (const [name, value] of web) headers.set(name, value);
  return headers;
}
