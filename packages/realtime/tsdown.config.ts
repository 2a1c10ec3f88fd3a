import { defineConfig } from "tsdown";
import { browserTwins } from "../../scripts/browser-twins.ts";
import feature from "../../scripts/tsdown-feature.ts";

// The feature build, plus a browser build in which the Node WebSocket (src/open-socket.ts) is
// swapped for its twin, so a browser bundle carries no `ws`.
export default defineConfig([
  feature,
  {
    entry: { "index.browser": "src/index.ts" },
    format: ["esm"],
    dts: false,
    sourcemap: false,
    target: "es2022",
    platform: "browser",
    clean: false,
    tsconfig: "tsconfig.build.json",
    plugins: [browserTwins],
  },
]);
