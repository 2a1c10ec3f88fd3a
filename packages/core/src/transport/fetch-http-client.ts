import type { HttpClient, PipelineRequest, PipelineResponse } from "@azure/core-rest-pipeline";
import { headersOf } from "./http-headers.js";
import { fetchFailure } from "./transport-error.js";

/**
 * A fetch-based HttpClient for browsers. core-rest-pipeline's own browser client, with the
 * RestError and sanitizer it pulls in, is 6.6 KB minified (2.5 KB gzip), a third of core's browser
 * budget (scripts/budgets.mjs); this one does what the SDK needs: bodies as text or as a stream,
 * abort, and transport failures as RestError-shaped errors so retries see them.
 */
export function fetchHttpClient(): HttpClient {
  return {
    async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
      // The request and, for a buffered answer, the body in one try: a failure of either is a
      // transport error that retries see, an abort stays an abort.
      try {
        const res = await fetch(request.url, {
          method: request.method,
          headers: request.headers.toJSON(),
          body: request.body as BodyInit | null | undefined,
          signal: request.abortSignal as AbortSignal | undefined,
          credentials: request.withCredentials ? "include" : "same-origin",
          // A redirect would carry the api-key header to the other origin: it is not followed. The
          // browser then hides the answer (status 0, no Location), which becomes a typed error.
          redirect: "manual",
        });
        const response: PipelineResponse = { request, status: res.status, headers: headersOf(res.headers) };
        const codes = request.streamResponseStatusCodes;
        if (res.body && codes && (codes.has(res.status) || codes.has(Infinity))) {
          response.browserStreamBody = res.body;
        } else {
          response.bodyAsText = await res.text();
        }
        return response;
      } catch (error) {
        throw fetchFailure(error, request, "REQUEST_SEND_ERROR");
      }
    },
  };
}
