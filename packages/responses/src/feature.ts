import type { Feature } from "@aoai/core/internal";
import { VERSION } from "./version.js";
import { versions } from "./versions.js";

/**
 * The package on core's frame: its User-Agent token, versions table and the row that gates its
 * routes (`responses/cancel` and `responses/compact` name their own).
 */
export const responses: Feature = { userAgent: `aoai-responses/${VERSION}`, versions, gate: "responses" };
