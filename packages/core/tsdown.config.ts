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
    // Tests may import the repo's test-utils (tsconfig.json's rootDir is the repo); builds take src.
    tsconfig: "tsconfig.build.json",
  },
  browserBuild(
    {
      "index.browser": "src/index.ts",
      "internal.browser": "src/internal.ts",
      "logging.browser": "src/logging.ts",
    },
    "tsconfig.build.json",
  ),
]);
