import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import { LOGGING } from "./logger.browser.js";

/**
 * Browsers: the log lines come with `enableLogging()` from `@aoai/core/logging`, which registers
 * them; until then requests pass straight through, and bundles carry none of the formatting.
 */
export function logPolicy(): PipelinePolicy {
  return {
    name: "aoaiLog",
    sendRequest(request, next) {
      const policy = (globalThis as { [LOGGING]?: { policy: PipelinePolicy } })[LOGGING]?.policy;
      return policy ? policy.sendRequest(request, next) : next(request);
    },
  };
}
