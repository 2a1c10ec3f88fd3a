import { fileURLToPath } from "node:url";
import { defineConfig } from "tsdown";

const browserHttpClient = fileURLToPath(
  new URL("./src/transport/default-http-client.browser.ts", import.meta.url),
);

export default defineConfig([
  {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    target: "es2022",
    platform: "neutral",
    clean: true,
  },
  {
    // The browser build differs only in its default HTTP client: fetch instead of node:http.
    // Dependencies stay external, so @azure/logger is the app's own copy and its `setLogLevel`
    // reaches this SDK's logger.
    entry: { "index.browser": "src/index.ts" },
    format: ["esm"],
    dts: false,
    sourcemap: true,
    target: "es2022",
    platform: "browser",
    clean: false,
    alias: { "./transport/default-http-client.js": browserHttpClient },
  },
]);
