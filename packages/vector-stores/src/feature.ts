import type { Feature } from "@aoai/core/internal";
import { VERSION } from "./version.js";
import { versions } from "./versions.js";

/** The package on core's frame: its User-Agent token, versions table and the row that gates its routes. */
export const vectorStores: Feature = {
  userAgent: `aoai-vector-stores/${VERSION}`,
  versions,
  gate: "vector_stores",
};
