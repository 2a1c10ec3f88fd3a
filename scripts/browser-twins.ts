import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";

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
