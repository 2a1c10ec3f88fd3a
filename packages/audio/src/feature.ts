import type { Feature } from "@aoai/core/internal";
import { VERSION } from "./version.js";
import { VERSIONED_FIELDS, versions } from "./versions.js";

/** The package on core's frame: its User-Agent token, versions table and the request fields it gates. */
export const audio: Feature = { userAgent: `aoai-audio/${VERSION}`, versions, fields: VERSIONED_FIELDS };
