/** This package's version, sent in the User-Agent as `aoai-chat/<version>`. */
export const VERSION = "0.0.0";
