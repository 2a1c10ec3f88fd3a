import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import { logLines } from "./log-lines.js";
import { logger } from "./logger.js";

/** The log policy of the pipeline: request and response lines through the SDK's logger. */
export function logPolicy(): PipelinePolicy {
  return logLines(logger);
}
