// Bundle budgets: what a browser app pays for each package, minified (esbuild) and gzip -9.
// Deterministic, so CI enforces them. Run after `pnpm build` (entries import the built packages).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
// What a browser bundler picks through each package's `exports` ("browser" first).
const dist = (pkg) => {
  const browser = `${root}packages/${pkg}/dist/index.browser.js`;
  return existsSync(browser) ? browser : `${root}packages/${pkg}/dist/index.js`;
};

/** entry file -> max gzip bytes */
const budgets = [
  { name: "core: one request", entry: "scripts/budgets/core.ts", max: 10 * 1024 },
  { name: "chat: complete + stream", entry: "scripts/budgets/chat.ts", max: 12 * 1024, needs: "chat" },
  { name: "embeddings: embed", entry: "scripts/budgets/embeddings.ts", max: 9 * 1024, needs: "embeddings" },
];

export async function measure(entry) {
  const alias = {};
  for (const pkg of ["core", "chat", "embeddings"])
    if (existsSync(dist(pkg))) alias[`@aoai/${pkg}`] = dist(pkg);
  const out = await build({
    entryPoints: [`${root}${entry}`],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    alias,
    logLevel: "silent",
  });
  const code = out.outputFiles[0].contents;
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

let failed = 0;
for (const { name, entry, max, needs } of budgets) {
  if (needs && !existsSync(`${root}scripts/budgets/${needs}.ts`)) continue;
  const { minified, gzip } = await measure(entry);
  const ok = gzip <= max;
  if (!ok) failed++;
  console.log(
    `${ok ? "ok  " : "OVER"} ${name}: ${(gzip / 1024).toFixed(2)} KB gzip (${(minified / 1024).toFixed(1)} KB min), budget ${(max / 1024).toFixed(2)} KB`,
  );
}
if (failed) {
  console.error(`budgets: ${failed} over budget`);
  process.exit(1);
}
