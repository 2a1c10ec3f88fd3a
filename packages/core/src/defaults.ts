/** Retries after the first attempt. @default 2 */
export const DEFAULT_MAX_RETRIES = 2;
/** Time allowed per attempt (a whole answer, or the headers of a stream), in ms. @default 600000 */
export const DEFAULT_TIMEOUT_MS = 600_000;
/**
 * Longest time a stream may send nothing before it fails, in ms: longer than reasoning models
 * think before their first token. @default 300000
 */
export const DEFAULT_STREAM_IDLE_TIMEOUT_MS = 300_000;
/** Longest server-requested wait slept through, in ms. @default 60000 */
export const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;
