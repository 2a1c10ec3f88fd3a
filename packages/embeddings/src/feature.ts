import type { Feature } from "@aoai/core/internal";
import { VERSION } from "./version.js";

/** The package on core's frame. Every API version has its operation: no versions table. */
export const embeddings: Feature = { userAgent: `aoai-embeddings/${VERSION}` };
