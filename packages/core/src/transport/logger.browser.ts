import type { SdkLogger } from "./logger.js";

/**
 * Browsers: @azure/logger (about 1.2 KB gzip of every bundle, for logs that are off unless the
 * app asks) is not imported here. `enableLogging()` from `@aoai/core/logging` registers its logger
 * under this symbol, and from then on the SDK logs through it and the app's `setLogLevel`.
 */
const SINK = Symbol.for("@aoai/core.logger");
const off = Object.assign(() => {}, { enabled: false });

export const logger: SdkLogger = {
  get info() {
    return (globalThis as { [SINK]?: SdkLogger })[SINK]?.info ?? (off as unknown as SdkLogger["info"]);
  },
  get warning() {
    return (globalThis as { [SINK]?: SdkLogger })[SINK]?.warning ?? (off as unknown as SdkLogger["warning"]);
  },
};
