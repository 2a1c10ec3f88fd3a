/** The version of `@aoai/webhooks`. */
export const VERSION = "0.0.0";
