import type { PipelinePolicy } from "@azure/core-rest-pipeline";

/**
 * Runs the credential policy only for the endpoint's API, the URLs under `{endpoint}/openai/`
 * that every route is built as. Any other URL (an image link the service handed out, on a storage
 * host or on the endpoint's own host) goes without the api-key or token and without the client's
 * default headers, which can hold a secret too (an APIM subscription key); the browser build's
 * `x-ms-useragent` is left out as well, as a custom header would make a browser ask the other
 * origin for CORS permission first. The call's own `headers` are sent: the caller named them for
 * it. The prefix is compared as the endpoint spells it, the way every route is built from it, so
 * a URL of the API can only be mistaken for a foreign one, never the reverse.
 */
export function originGuard(
  endpoint: string,
  auth: PipelinePolicy,
  defaultHeaders: readonly string[],
): PipelinePolicy {
  const api = `${endpoint}/openai/`;
  const dropped = ["authorization", "api-key", "x-ms-useragent", ...defaultHeaders];
  return {
    name: "aoaiOriginGuard",
    sendRequest(request, next) {
      if (request.url.startsWith(api)) return auth.sendRequest(request, next);
      for (const name of dropped) request.headers.delete(name);
      return next(request);
    },
  };
}
