import { defineConfig } from "tsdown";

/**
 * The build of every feature package (core and the emulator have their own): ESM and CJS with
 * types from src/index.ts, no source maps (the tarballs do not ship the sources they would point
 * at). A package's tsdown.config.ts re-exports it.
 */
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: false,
  target: "es2022",
  platform: "neutral",
  clean: true,
  // The typecheck config also covers tests and ../../test-utils; the build sees only src.
  tsconfig: "tsconfig.build.json",
});
