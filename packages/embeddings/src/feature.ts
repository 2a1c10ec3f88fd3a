import { feature } from "@aoai/core/internal";
import { VERSION } from "./version.js";

/** The package on core's frame. Every API version has its operation: no versions table. */
export const embeddings = /* @__PURE__ */ feature({ name: "embeddings", version: VERSION });
