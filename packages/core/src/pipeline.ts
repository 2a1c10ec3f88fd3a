import {
  createEmptyPipeline,
  logPolicy,
  type Pipeline,
  type PipelinePolicy,
  retryPolicy,
} from "@azure/core-rest-pipeline";
import type { AdditionalPolicy } from "./client-options.js";
import { azureRetryStrategy } from "./transport/retry-strategy.js";
import { timeoutPolicy } from "./transport/timeout-policy.js";

/**
 * Headers worth seeing in logs; everything else is logged as REDACTED (so `api-key` and
 * `Authorization` always are).
 */
export const LOGGED_HEADERS: readonly string[] = [
  "x-request-id",
  "apim-request-id",
  "x-ms-region",
  "x-ratelimit-remaining-requests",
  "x-ratelimit-remaining-tokens",
  "x-ratelimit-limit-requests",
  "x-ratelimit-limit-tokens",
  "x-ratelimit-reset-requests",
  "x-ratelimit-reset-tokens",
  "retry-after-ms",
  "x-ms-retry-after-ms",
  "x-should-retry",
  "openai-processing-ms",
  "x-ms-deployment-name",
];

/**
 * Only the policies the SDK needs, so a browser bundle carries no more: per-call policies, then
 * retries, then per attempt a timeout, the log line and the credential.
 */
export function buildPipeline(auth: PipelinePolicy, extra: readonly AdditionalPolicy[] = []): Pipeline {
  const pipeline = createEmptyPipeline();
  for (const { policy, position } of extra) if (position !== "perRetry") pipeline.addPolicy(policy);
  pipeline.addPolicy(retryPolicy([azureRetryStrategy()], { maxRetries: Number.MAX_SAFE_INTEGER }), { phase: "Retry" });
  pipeline.addPolicy(timeoutPolicy(), { afterPhase: "Retry" });
  for (const { policy, position } of extra) if (position === "perRetry") pipeline.addPolicy(policy, { afterPhase: "Retry" });
  pipeline.addPolicy(logPolicy({ additionalAllowedHeaderNames: [...LOGGED_HEADERS] }), { afterPhase: "Retry" });
  pipeline.addPolicy(auth, { phase: "Sign" });
  return pipeline;
}
