import { routeUrl as buildUrl, type Route } from "./routing.js";

type Cache = Map<string, Map<string, Map<string | undefined, Map<string, string>>>>;

const cache: Cache = new Map();
let entries = 0;
const MAX_ENTRIES = 256;

/**
 * `routing.ts`'s `routeUrl`, remembered in Node for routes without params or a query: every call
 * of an operation has the same URL, and building it (a regex, escapes, template strings) was 640
 * bytes and about half a microsecond per request (bench, chat: heap sampling). Bounded: past 256
 * URLs it starts over. Browsers build it per call (route-url.browser.ts), where a cache would
 * cost bundle bytes for a gain nobody sees.
 */
export function routeUrl(base: string, apiVersion: string, route: Route): string {
  if (route.params || route.query) return buildUrl(base, apiVersion, route);
  const paths = cache.get(base)?.get(apiVersion)?.get(route.deployment);
  let url = paths?.get(route.path);
  if (url === undefined) {
    url = buildUrl(base, apiVersion, route);
    if (++entries > MAX_ENTRIES) {
      cache.clear();
      entries = 1;
    }
    const versions = at(cache, base, () => new Map());
    at(
      at(versions, apiVersion, () => new Map()),
      route.deployment,
      () => new Map(),
    ).set(route.path, url);
  }
  return url;
}

function at<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}
