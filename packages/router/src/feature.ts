import type { Feature } from "@aoai/core/internal";
import { VERSION } from "./version.js";

/** The package on core's frame: it sends other packages' operations, and names itself after theirs. */
export const router: Feature = { userAgent: `aoai-router/${VERSION}` };
