/** The version of `@aoai/embeddings`, sent in the User-Agent as `aoai-embeddings/x.y.z`. */
export const VERSION = "0.0.0";
