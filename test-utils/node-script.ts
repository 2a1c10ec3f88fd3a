import { build } from "esbuild";

/**
 * Bundles a TypeScript entry into one ESM file that plain `node` runs, so a test can start it as
 * its own process without a prior build (esbuild takes well under a second).
 */
export async function bundleNodeScript(entry: URL, outfile: string): Promise<void> {
  await build({
    entryPoints: [decodeURIComponent(entry.pathname)],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile,
    logLevel: "silent",
    // Bundled CommonJS dependencies (via @aoai/core) call require() for Node built-ins.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
}
