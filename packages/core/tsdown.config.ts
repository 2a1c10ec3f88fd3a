import { fileURLToPath } from "node:url";
import { defineConfig } from "tsdown";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig([
  {
    entry: ["src/index.ts", "src/internal.ts"],
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    target: "es2022",
    platform: "neutral",
    clean: true,
  },
  {
    // The browser build differs only in its platform modules: fetch instead of node:http, and
    // uploads as one Blob. Dependencies stay external, so @azure/logger is the app's own copy and
    // its `setLogLevel` reaches this SDK's logger.
    entry: { "index.browser": "src/index.ts", "internal.browser": "src/internal.ts" },
    format: ["esm"],
    dts: false,
    sourcemap: true,
    target: "es2022",
    platform: "browser",
    clean: false,
    alias: {
      "./transport/default-http-client.js": here("./src/transport/default-http-client.browser.ts"),
      "./platform.js": here("./src/multipart/platform.browser.ts"),
    },
  },
]);
