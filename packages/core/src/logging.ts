import { createClientLogger } from "@azure/logger";
import { logLines } from "./transport/log-lines.js";

// The same symbol as transport/logger.browser.ts reads (a registered one, so every copy agrees).
const LOGGING = Symbol.for("@aoai/core.logging");

/**
 * Routes the SDK's logs through `@azure/logger` in browsers, so the app's `setLogLevel("info")`
 * shows a line per request and response, and a warning per retry. Node logs that way without it
 * (`AZURE_LOG_LEVEL`). Kept apart so that browser bundles that never log carry neither the logger
 * nor the log formatting.
 *
 * @example
 * import { setLogLevel } from "@azure/logger";
 * import { enableLogging } from "@aoai/core/logging";
 * enableLogging();
 * setLogLevel("info");
 */
export function enableLogging(): void {
  const global = globalThis as { [LOGGING]?: unknown };
  if (global[LOGGING]) return;
  const logger = createClientLogger("aoai");
  global[LOGGING] = { logger, policy: logLines(logger) };
}
