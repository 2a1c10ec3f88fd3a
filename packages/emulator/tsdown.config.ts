import { defineConfig } from "tsdown";

export default defineConfig([
  {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
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
    sourcemap: true,
    target: "es2022",
    platform: "node",
    // Keep .js/.cjs names, which the package.json `exports` map points at.
    fixedExtension: false,
    clean: false,
    tsconfig: "tsconfig.build.json",
  },
]);
