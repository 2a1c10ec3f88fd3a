import { defineConfig } from "tsdown";
import { browserBuild } from "../../scripts/browser-twins.ts";
import feature from "../../scripts/tsdown-feature.ts";

// The feature build, plus a browser build in which the Node-only base64 parser
// (src/parse-base64.ts) is swapped for its twin, so a browser bundle carries none of it.
export default defineConfig([
  feature,
  browserBuild({ "index.browser": "src/index.ts" }, "tsconfig.build.json"),
]);
