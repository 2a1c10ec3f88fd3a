import type { HttpHeaders, RawHttpHeaders } from "@azure/core-rest-pipeline";

/**
 * Case-insensitive headers with core-rest-pipeline's `HttpHeaders` interface, so its HTTP clients
 * and policies work on them unchanged. Its own `createHttpHeaders` is not used because importing
 * anything from that package at run time loads all of it: 90 ms of a 106 ms cold import in Node
 * (bench/results), and its request and pipeline modules come along in a browser bundle.
 */
export function createHeaders(init?: Record<string, string>): HttpHeaders {
  const map = new Map<string, [name: string, value: string]>();
  const headers: HttpHeaders = {
    get: (name) => map.get(name.toLowerCase())?.[1],
    has: (name) => map.has(name.toLowerCase()),
    set: (name, value) => void map.set(name.toLowerCase(), [name, String(value).trim()]),
    delete: (name) => void map.delete(name.toLowerCase()),
    toJSON(options) {
      const out: RawHttpHeaders = {};
      for (const [key, [name, value]] of map) out[options?.preserveCase ? name : key] = value;
      return out;
    },
    *[Symbol.iterator]() {
      for (const entry of map.values()) yield entry;
    },
  };
  if (init) for (const name in init) headers.set(name, init[name] as string);
  return headers;
}
