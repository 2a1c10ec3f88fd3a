import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { UserConfig } from "tsdown";

/**
 * A build plugin that swaps each module that has a `.browser.ts` twin for it: fetch instead of
 * node:http, uploads as one Blob, no file system, no Node WebSocket. The same rule runs in the
 * browser tests (vitest.config.ts).
 */
export const browserTwins = {
  name: "browser-twins",
  resolveId(source: string, importer: string | undefined) {
    if (!importer || !source.startsWith(".")) return null;
    const twin = `${resolve(dirname(importer), source.replace(/\.js$/, ""))}.browser.ts`;
    return existsSync(twin) ? twin : null;
  },
};

/**
 * The browser build of a package with `.browser.ts` twins: ESM only, next to (not cleaning) the
 * main build's output, which the package.json `browser` conditions point at. Dependencies stay
 * external, so @azure/logger is the app's own copy and its `setLogLevel` reaches this SDK's logger.
 */
export function browserBuild(entry: Record<string, string>, tsconfig?: string): UserConfig {
  return {
    entry,
    format: ["esm"],
    dts: false,
    sourcemap: false,
    target: "es2022",
    platform: "browser",
    clean: false,
    plugins: [browserTwins],
    ...(tsconfig && { tsconfig }),
  };
}
