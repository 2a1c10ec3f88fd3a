import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { defineConfig } from "tsdown";

/**
 * The browser build swaps each module that has a `.browser.ts` twin for it: fetch instead of
 * node:http, uploads as one Blob, no file system. The same rule runs in the browser tests
 * (vitest.config.ts).
 */
const browserTwins = {
  name: "browser-twins",
  resolveId(source: string, importer: string | undefined) {
    if (!importer || !source.startsWith(".")) return null;
    const twin = `${resolve(dirname(importer), source.replace(/\.js$/, ""))}.browser.ts`;
    return existsSync(twin) ? twin : null;
  },
};

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
