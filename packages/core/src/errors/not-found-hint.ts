/**
 * What to check after a 404 from a route the SDK built: the route (method, path, API version; the
 * host left out) and the three usual causes. Azure's bare `Resource not found` names none of them.
 */
export function notFoundHint(request: { url: string; method?: string } | undefined): string | undefined {
  if (!request) return undefined;
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return undefined;
  }
  const version = url.searchParams.get("api-version");
  const deployment = /\/openai\/deployments\/([^/]+)\//.exec(url.pathname)?.[1];
  const v1 = /\/openai\/v1\//.test(url.pathname);
  const route = `${request.method ?? "POST"} ${url.pathname}${version ? `, api-version ${version}` : v1 ? " (the v1 API)" : ""}`;
  const checks = [
    deployment
      ? `the deployment ${JSON.stringify(decodeURIComponent(deployment))} exists on this resource (its name, not the model's)`
      : v1
        ? "the deployment named as `model` exists on this resource"
        : "the id in the path exists",
    "the endpoint is the resource's base URL (https://<resource>.openai.azure.com)",
    version ? `API version ${version} has this operation` : "the v1 API has this operation",
  ];
  return `The SDK sent ${route}. Check that ${checks.join(", that ")}.`;
}
