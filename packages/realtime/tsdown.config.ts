import { defineConfig } from "tsdown";
import { browserBuild } from "../../scripts/browser-twins.ts";
import feature from "../../scripts/tsdown-feature.ts";

// The feature build, plus a browser build in which the Node WebSocket (src/open-socket.ts) is
// swapped for its twin, so a browser bundle carries no `ws`.
export default defineConfig([
  feature,
  browserBuild({ "index.browser": "src/index.ts" }, "tsconfig.build.json"),
]);
