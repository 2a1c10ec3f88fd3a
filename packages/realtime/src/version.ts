/** This package's version, sent in the User-Agent as `aoai-realtime/<version>`. */
export const VERSION = "0.0.0";
