import type { PipelinePolicy, PipelineRequest, PipelineResponse } from "@azure/core-rest-pipeline";
import type { SdkLogger } from "./logger.js";

/**
 * Headers worth seeing in logs (request ids, region, rate limits, retry headers, content headers);
 * every other header is logged as REDACTED, so `api-key` and `Authorization` always are. One
 * pattern rather than a list: it is a third of the bytes.
 */
export const LOGGED_HEADERS: RegExp =
  /^(accept|content-(type|length)|user-agent|x-ms-(useragent|region|retry-after-ms|deployment-name)|(x|apim)-request-id|x-ratelimit-(remaining|limit|reset)-(requests|tokens)|retry-after(-ms)?|x-should-retry|openai-processing-ms|azure-openai-deployment-utilization)$/;

// A storage link's signature (`sig`) grants access to the blob: the rest of the query does not.
const SIGNATURE = /([?&](?:sig|signature|token|code)=)[^&#]*/gi;

function sanitize(headers: Iterable<[string, string]>): string {
  const out: Record<string, string> = {};
  for (const [name, value] of headers)
    out[name] = LOGGED_HEADERS.test(name.toLowerCase()) ? value : "REDACTED";
  return JSON.stringify(out);
}

/**
 * A request line and a response line per attempt, with headers outside the allowlist redacted.
 * No text is built while logging is off. Written here rather than using core-rest-pipeline's
 * logPolicy, whose general-purpose sanitizer is 2.5 KB minified. The endpoint's URLs carry no
 * secrets (only the deployment and api-version); a link the service handed out (an image on a
 * storage host) has a signature in its query, which is redacted.
 */
export function logLines(logger: SdkLogger): PipelinePolicy {
  return {
    name: "aoaiLog",
    // Not async while logging is off: an async layer that only passes the request on costs a
    // promise and two microtask turns per request.
    sendRequest(request, next) {
      return logger.info.enabled ? logged(logger, request, next) : next(request);
    },
  };
}

async function logged(
  logger: SdkLogger,
  request: PipelineRequest,
  next: (request: PipelineRequest) => Promise<PipelineResponse>,
): Promise<PipelineResponse> {
  logger.info(
    `Request: ${request.method} ${request.url.replace(SIGNATURE, "$1REDACTED")} ${sanitize(request.headers)}`,
  );
  const response = await next(request);
  logger.info(`Response: ${response.status} ${sanitize(response.headers)}`);
  return response;
}
