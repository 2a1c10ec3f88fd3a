/**
 * What to check after a 404 from a route the SDK built: the route it used (method, path, API
 * version; not the host) and the usual causes, which Azure's bare `Resource not found` names none of.
 */
export function notFoundHint(request: { url: string; method?: string } | undefined): string | undefined {
  if (!request) return undefined;
  const { pathname, searchParams } = new URL(request.url);
  // Only the SDK's own routes (under /openai/): a storage link's 404 is the link's, not a route's.
  if (!pathname.includes("/openai/")) return undefined;
  const deployment = /\/deployments\/([^/]+)/.exec(pathname)?.[1];
  return `The SDK sent ${request.method} ${pathname} with API version ${searchParams.get("api-version") ?? "v1"}: check the ${deployment ? `deployment "${decodeURIComponent(deployment)}"` : "ids"}, that the endpoint is the resource's base URL, and that this version has the operation.`;
}
