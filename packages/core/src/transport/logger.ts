import { createClientLogger, type Debugger } from "@azure/logger";

/**
 * The SDK's logger: `AZURE_LOG_LEVEL=info` (or `setLogLevel("info")` from @azure/logger) shows it.
 * Browser builds have logger.browser.ts instead, which logs only once the app calls
 * `enableLogging()` from `@aoai/core/logging`.
 */
export const logger: SdkLogger = createClientLogger("aoai");

/** The levels the SDK logs at. */
export interface SdkLogger {
  info: Debugger;
  warning: Debugger;
}
