import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const DIR = fileURLToPath(new URL("../bundles/", import.meta.url));

export interface BundleFigures {
  feature: string;
  aoaiBytes: number;
  openaiBytes: number;
  aoaiMinBytes: number;
  openaiMinBytes: number;
}

/** Minified (esbuild, browser, ESM) then gzip -9 size of one entry file, in bytes. */
async function bundleSize(entry: string): Promise<{ gzip: number; min: number }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.contents;
  return { gzip: gzipSync(code, { level: 9 }).length, min: code.length };
}

/**
 * Every feature with a pair of entries in src/bundles/: `<feature>.aoai.ts` (our packages) and
 * `<feature>.openai.ts` (openai making the same calls). A later feature package adds its pair.
 */
function bundleFeatures(): string[] {
  const files = new Set(readdirSync(DIR));
  const order = ["chat", "embeddings"];
  const features = [...files]
    .filter((f) => f.endsWith(".aoai.ts"))
    .map((f) => f.slice(0, -".aoai.ts".length))
    .filter((f) => files.has(`${f}.openai.ts`));
  return features.sort(
    (a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b),
  );
}

export async function measureBundles(): Promise<BundleFigures[]> {
  const out: BundleFigures[] = [];
  for (const feature of bundleFeatures()) {
    const aoai = await bundleSize(`${DIR}${feature}.aoai.ts`);
    const openai = await bundleSize(`${DIR}${feature}.openai.ts`);
    out.push({
      feature,
      aoaiBytes: aoai.gzip,
      openaiBytes: openai.gzip,
      aoaiMinBytes: aoai.min,
      openaiMinBytes: openai.min,
    });
  }
  return out;
}
