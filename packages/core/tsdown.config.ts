import { defineConfig } from "tsdown";
import { browserTwins } from "../../scripts/browser-twins.ts";

export default defineConfig([
  {
    entry: ["src/index.ts", "src/internal.ts", "src/logging.ts"],
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: false,
    target: "es2022",
    platform: "neutral",
    clean: true,
  },
  {
    // Dependencies stay external, so @azure/logger is the app's own copy and its `setLogLevel`
    // reaches this SDK's logger.
    entry: {
      "index.browser": "src/index.ts",
      "internal.browser": "src/internal.ts",
      "logging.browser": "src/logging.ts",
    },
    format: ["esm"],
    dts: false,
    sourcemap: false,
    target: "es2022",
    platform: "browser",
    clean: false,
    plugins: [browserTwins],
  },
]);
