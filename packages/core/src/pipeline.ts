import { createEmptyPipeline, type Pipeline, type PipelinePolicy } from "@azure/core-rest-pipeline";
import type { AdditionalPolicy } from "./client-options.js";
import { logPolicy } from "./transport/log-policy.js";
import { retryPolicy } from "./transport/retry-policy.js";
import { timeoutPolicy } from "./transport/timeout-policy.js";

/**
 * Only the policies the SDK needs, so a browser bundle carries no more: per-call policies, then
 * retries, then per attempt a timeout, the caller's per-retry policies, the credential and the
 * log line.
 */
export function buildPipeline(auth: PipelinePolicy, extra: readonly AdditionalPolicy[] = []): Pipeline {
  const pipeline = createEmptyPipeline();
  for (const { policy, position } of extra) if (position !== "perRetry") pipeline.addPolicy(policy);
  pipeline.addPolicy(retryPolicy(), { phase: "Retry" });
  pipeline.addPolicy(timeoutPolicy(), { afterPhase: "Retry" });
  for (const { policy, position } of extra)
    if (position === "perRetry") pipeline.addPolicy(policy, { afterPhase: "Retry" });
  pipeline.addPolicy(auth, { phase: "Sign" });
  // After the credential, so the log shows that one was sent (as REDACTED).
  pipeline.addPolicy(logPolicy(), { afterPhase: "Sign" });
  return pipeline;
}
