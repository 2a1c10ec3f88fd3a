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
    // The browser build differs in its default HTTP client (fetch instead of node:http), and it
    // inlines the parts of @azure/core-rest-pipeline it uses: through that package's barrel a
    // consumer's bundler keeps module-level statements (a sanitizer instance, loggers) that nothing
    // here calls, 0.8 KB gzip of the 10 KB budget; inlined with tree-shaking that trusts the
    // packages' `sideEffects: false`, they go (measured by scripts/budgets.mjs).
    entry: { "index.browser": "src/index.ts" },
    format: ["esm"],
    dts: false,
    sourcemap: true,
    target: "es2022",
    platform: "browser",
    clean: false,
    alias: { "./transport/default-http-client.js": browserHttpClient },
    noExternal: [/^@azure\//, /^@typespec\//],
    treeshake: { moduleSideEffects: false },
  },
]);
