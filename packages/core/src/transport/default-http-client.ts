import type { HttpClient, PipelineRequest } from "@azure/core-rest-pipeline";

/**
 * The HTTP client used when none is injected: core-rest-pipeline's node:http client, which costs
 * less CPU per request than fetch does in Node, behind its proxy policy, so `HTTPS_PROXY`,
 * `HTTP_PROXY` and `NO_PROXY` are honoured as in every Azure SDK. Both are loaded on the first
 * request rather than at import: loading that package is 90 ms of a 106 ms cold import
 * (bench/results), which an app that only builds clients at start-up should not pay. Browser
 * builds swap this module for default-http-client.browser.ts (tsdown.config.ts, vitest.config.ts).
 */
export function defaultHttpClient(): HttpClient {
  let loaded: HttpClient | undefined;
  let loading: Promise<HttpClient> | undefined;
  return {
    sendRequest(request) {
      if (loaded) return loaded.sendRequest(request);
      loading ??= import("@azure/core-rest-pipeline").then((m) => {
        const http = m.createDefaultHttpClient();
        // No proxy in the environment: the policy would pass every request on untouched (the SDK
        // sets no per-request proxy), an async layer per request for nothing.
        if (!m.getDefaultProxySettings()) {
          loaded = http;
          return http;
        }
        const proxy = m.proxyPolicy();
        const send = (r: PipelineRequest) => http.sendRequest(r);
        loaded = { sendRequest: (r) => proxy.sendRequest(r, send) };
        return loaded;
      });
      return loading.then((http) => http.sendRequest(request));
    },
  };
}
