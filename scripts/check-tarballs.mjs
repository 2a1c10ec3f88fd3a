// Checks package tarballs before they are published (scripts/release.sh runs it over what
// `changeset pack` made, and publishes exactly those files). Refuses a tarball that:
// - still has a `workspace:` (or catalog:/link:/file:) range, which no consumer can install;
// - lacks LICENSE, README.md, `repository` (with `directory`), `homepage`, `bugs` or `engines`,
//   or (with --release) CHANGELOG.md;
// - has links in its README that only work inside the repository (relative ones);
// - ships tests, budgets, build configs or sources, or source maps (or a `sourceMappingURL`
//   pointing at a file it does not ship);
// - ships a CLI (`bin`) that carries a second copy of code another of its files has.
//
//   node scripts/check-tarballs.mjs [--release] <file.tgz | folder of .tgz>...
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, posix, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { localRanges } from "./prepublish-guard.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const FORBIDDEN = [
  [/(^|\/)[^/]*\.test\.[cm]?[jt]sx?$/, "a test file"],
  [/(^|\/)budget[^/]*\.ts$/, "a bundle budget"],
  [/(^|\/)(tsconfig[^/]*\.json|tsdown\.config\.ts|api-extractor\.json)$/, "a build config"],
  [/^src\//, "a source file"],
  [/\.map$/, "a source map (its sources are not shipped)"],
  [/(^|\/)\.turbo\//, "build cache"],
];

function walk(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path, base) : [relative(base, path).split("\\").join("/")];
  });
}

/** Problems with one unpacked package folder (the tarball's `package/`). */
export function checkPackage(dir, { release = false, repositoryUrl } = {}) {
  const problems = [];
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const files = walk(dir);
  const has = (file) => files.includes(file);

  const ranges = localRanges(manifest);
  if (ranges.length > 0)
    problems.push(`its manifest still has ${ranges.join(", ")}: no consumer can install that`);

  for (const file of ["LICENSE", "README.md", ...(release ? ["CHANGELOG.md"] : [])])
    if (!has(file)) problems.push(`${file} is missing`);
  if (!manifest.repository?.url || !manifest.repository?.directory)
    problems.push("`repository` with `url` and `directory` is missing");
  else if (repositoryUrl && manifest.repository.url !== repositoryUrl)
    problems.push(
      `repository.url is ${manifest.repository.url}, the root package.json says ${repositoryUrl}`,
    );
  if (!manifest.homepage) problems.push("`homepage` is missing");
  if (!manifest.bugs?.url) problems.push("`bugs.url` is missing");
  if (!manifest.engines?.node) problems.push("`engines.node` is missing");
  if (manifest.license !== "MIT") problems.push(`license is ${manifest.license}, not MIT`);
  if (release && manifest.version === "0.0.0")
    problems.push("version 0.0.0 was never released: add a changeset and run `pnpm version-packages`");

  if (has("README.md")) {
    // Code (fenced or inline) is not links.
    const readme = readFileSync(join(dir, "README.md"), "utf8")
      .replace(/^(```|~~~)[\s\S]*?^\1/gm, "")
      .replace(/`[^`\n]*`/g, "");
    const links = [...readme.matchAll(/\]\(([^)\s]+)[^)]*\)|^\s*\[[^\]]+\]:\s*(\S+)/gm)].map(
      (m) => m[1] ?? m[2],
    );
    const relativeLinks = links.filter((link) => !/^(https?:|mailto:|#)/.test(link));
    if (relativeLinks.length > 0)
      problems.push(`README.md links only work in the repository: ${relativeLinks.join(", ")}`);
  }

  for (const file of files)
    for (const [pattern, what] of FORBIDDEN) if (pattern.test(file)) problems.push(`ships ${file}, ${what}`);

  const scripts = files.filter((file) => /\.[cm]?js$/.test(file));
  for (const file of scripts) {
    const text = readFileSync(join(dir, file), "utf8");
    const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(text)?.[1];
    if (url && !url.startsWith("data:") && !has(posix.join(posix.dirname(file), url)))
      problems.push(`${file} points at a source map it does not ship (${url})`);
  }

  // A CLI should import the package's own entry, not bundle a copy of it.
  const bins = typeof manifest.bin === "string" ? [manifest.bin] : Object.values(manifest.bin ?? {});
  const lines = (file) =>
    new Set(
      readFileSync(join(dir, file), "utf8")
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line.length >= 40),
    );
  for (const bin of bins.map((b) => posix.normalize(b))) {
    if (!has(bin)) {
      problems.push(`bin ${bin} is not in the tarball`);
      continue;
    }
    const own = lines(bin);
    for (const other of scripts.filter((file) => file !== bin && !file.endsWith(".cjs"))) {
      const theirs = lines(other);
      const shared = [...own].filter((line) => theirs.has(line)).length;
      if (own.size > 20 && shared > own.size / 2)
        problems.push(
          `bin ${bin} repeats ${shared} of its ${own.size} lines from ${other}: import it instead`,
        );
    }
  }
  return { name: manifest.name, version: manifest.version, files, problems };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const release = args.includes("--release");
  const tarballs = args
    .filter((arg) => arg !== "--release")
    .flatMap((arg) =>
      statSync(arg).isDirectory()
        ? readdirSync(arg)
            .filter((f) => f.endsWith(".tgz"))
            .map((f) => join(arg, f))
        : [arg],
    );
  if (tarballs.length === 0) {
    console.error("check-tarballs: no tarballs given");
    process.exit(2);
  }
  const rootManifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  let failed = 0;
  for (const tarball of tarballs) {
    const dir = mkdtempSync(join(tmpdir(), "aoai-tarball-"));
    try {
      execFileSync("tar", ["-xzf", tarball, "-C", dir]);
      const { name, version, files, problems } = checkPackage(join(dir, "package"), {
        release,
        repositoryUrl: rootManifest.repository?.url,
      });
      const kb = (statSync(tarball).size / 1024).toFixed(1);
      if (problems.length === 0) console.log(`ok   ${name}@${version} (${files.length} files, ${kb} KB)`);
      else {
        failed++;
        console.error(`FAIL ${name}@${version} (${tarball}):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (failed > 0) {
    console.error(`check-tarballs: ${failed} of ${tarballs.length} tarballs refused`);
    process.exit(1);
  }
}
