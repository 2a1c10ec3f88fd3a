import { defineConfig } from "tsdown";

/**
 * The CLI imports the server from the package's own ESM entry (dist/index.js) instead of bundling
 * a second copy of it: `./server.js` from cli.ts becomes an external import of `./index.js`.
 */
const cliUsesIndex = {
  name: "cli-uses-index",
  resolveId(source: string, importer: string | undefined) {
    return source === "./server.js" && importer?.endsWith("cli.ts")
      ? { id: "./index.js", external: true }
      : null;
  },
};

export default defineConfig([
  {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: false,
    target: "es2022",
    platform: "node",
    // Keep .js/.cjs names, which the package.json `exports` map points at.
    fixedExtension: false,
    clean: true,
    // The typecheck config also covers tests and ../../test-utils; the build sees only src.
    tsconfig: "tsconfig.build.json",
  },
  {
    // The CLI is ESM only: it is run, never imported, so it needs no types and no CJS twin.
    entry: ["src/cli.ts"],
    format: ["esm"],
    dts: false,
    sourcemap: false,
    target: "es2022",
    platform: "node",
    // Keep .js/.cjs names, which the package.json `exports` map points at.
    fixedExtension: false,
    clean: false,
    tsconfig: "tsconfig.build.json",
    plugins: [cliUsesIndex],
  },
]);
