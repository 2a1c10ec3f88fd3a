import { createClientLogger } from "@azure/logger";

const SINK = Symbol.for("@aoai/core.logger");

/**
 * Routes the SDK's logs through `@azure/logger` in browsers, so the app's `setLogLevel("info")`
 * shows a line per request and response, and each retry. Node logs that way without it
 * (`AZURE_LOG_LEVEL`). Kept apart so that browser bundles that never log do not carry the logger.
 *
 * @example
 * import { setLogLevel } from "@azure/logger";
 * import { enableLogging } from "@aoai/core/logging";
 * enableLogging();
 * setLogLevel("info");
 */
export function enableLogging(): void {
  const global = globalThis as { [SINK]?: unknown };
  global[SINK] ??= createClientLogger("aoai");
}
