import type { SdkLogger } from "./logger.js";

/**
 * Browsers: @azure/logger (about 1.2 KB gzip of every bundle, for logs that are off unless the
 * app asks) is not imported here. `enableLogging()` from `@aoai/core/logging` registers its logger
 * and the log lines under this symbol, and from then on the SDK logs through the app's
 * `setLogLevel`.
 */
export const LOGGING: unique symbol = Symbol.for("@aoai/core.logging") as never;
const off = Object.assign(() => {}, { enabled: false }) as unknown as SdkLogger["info"];
const registered = () => (globalThis as { [LOGGING]?: { logger: SdkLogger } })[LOGGING]?.logger;

export const logger: SdkLogger = {
  get info() {
    return registered()?.info ?? off;
  },
  get warning() {
    return registered()?.warning ?? off;
  },
};
