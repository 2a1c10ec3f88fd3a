import type { Feature } from "@aoai/core/internal";
import { VERSION } from "./version.js";
import { versions } from "./versions.js";

/** The package on core's frame: its User-Agent token, versions table and the row that gates its routes. */
export const files: Feature = { userAgent: `aoai-files/${VERSION}`, versions, gate: "files" };
