// Bundle budgets: what a browser app pays for each package's main calls, minified (esbuild) and
// gzip -9. Deterministic, so CI enforces them. Run after `pnpm build`: each package's
// `budget*.ts` imports the built packages as a browser bundler would (the "browser" export
// condition), and its first line states the budget: `// Budget: 9 KB gzip. What the app does.`
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const BUDGET = /^\/\/ Budget: ([\d.]+) KB gzip\. (.*)$/;

/** Every `packages/<pkg>/budget*.ts` with its stated budget. */
export function budgets() {
  const found = [];
  for (const pkg of readdirSync(`${root}packages`).sort()) {
    const dir = `${root}packages/${pkg}`;
    if (!existsSync(`${dir}/package.json`)) continue;
    for (const file of readdirSync(dir)
      .filter((f) => /^budget.*\.ts$/.test(f))
      .sort()) {
      const first = readFileSync(`${dir}/${file}`, "utf8").split("\n", 1)[0];
      const match = BUDGET.exec(first);
      if (!match)
        throw new Error(`packages/${pkg}/${file}: the first line must be "// Budget: N KB gzip. What."`);
      found.push({
        name: `${pkg}/${file}`,
        what: match[2],
        entry: `${dir}/${file}`,
        max: Number(match[1]) * 1024,
      });
    }
  }
  return found;
}

export async function measure(entry) {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const code = out.outputFiles[0].contents;
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let failed = 0;
  for (const { name, what, entry, max } of budgets()) {
    const { minified, gzip } = await measure(entry);
    const ok = gzip <= max;
    if (!ok) failed++;
    console.log(
      `${ok ? "ok  " : "OVER"} ${name} (${what}): ${(gzip / 1024).toFixed(2)} KB gzip (${(minified / 1024).toFixed(1)} KB min), budget ${(max / 1024).toFixed(2)} KB`,
    );
  }
  if (failed) {
    console.error(`budgets: ${failed} over budget`);
    process.exit(1);
  }
}
