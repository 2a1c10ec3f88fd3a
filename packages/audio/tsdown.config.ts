import { defineConfig } from "tsdown";

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
