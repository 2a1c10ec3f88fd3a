import { defineConfig } from "tsdown";
import { browserBuild } from "../../scripts/browser-twins.ts";

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
  browserBuild({
    "index.browser": "src/index.ts",
    "internal.browser": "src/internal.ts",
    "logging.browser": "src/logging.ts",
  }),
]);
