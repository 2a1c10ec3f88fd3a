import { feature } from "@aoai/core/internal";
import { VERSION } from "./version.js";
import { VERSIONED_FIELDS, versions } from "./versions.js";

/** The package on core's frame: its User-Agent token, versions table and the row that gates its routes. */
export const batches = /* @__PURE__ */ feature({
  name: "batches",
  version: VERSION,
  versions,
  fields: VERSIONED_FIELDS,
  gate: "batches",
});
