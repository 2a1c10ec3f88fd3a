import type { Feature } from "@aoai/core/internal";
import { VERSION } from "./version.js";
import { VERSIONED_FIELDS, versions } from "./versions.js";

/** The package on core's frame: its User-Agent token, versions table and the row that gates its routes. */
export const batches: Feature = {
  userAgent: `aoai-batches/${VERSION}`,
  versions,
  fields: VERSIONED_FIELDS,
  gate: "batches",
};
