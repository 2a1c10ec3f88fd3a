import type { Feature } from "@aoai/core/internal";
import { VERSION } from "./version.js";
import { versions } from "./versions.js";

/** The package on core's frame: its User-Agent token and versions table. */
export const realtime: Feature = { userAgent: `aoai-realtime/${VERSION}`, versions };
