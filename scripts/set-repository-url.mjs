// The repository's web address is in the root package.json (`repository.url`) and, because a
// registry page shows a package's README and manifest without the repository around them, also in
// each published package's `repository` / `homepage` / `bugs` and in its README's links to its
// siblings. This rewrites all of them from the root's current address to a new one:
//
//   node scripts/set-repository-url.mjs https://git.example.com/aoai/aoai
//
// scripts/check-tarballs.mjs refuses a tarball whose repository.url differs from the root's.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const next = process.argv[2]
  ?.replace(/\/+$/, "")
  .replace(/^git\+/, "")
  .replace(/\.git$/, "");
if (!next || !/^https:\/\//.test(next)) {
  console.error("usage: node scripts/set-repository-url.mjs https://host/owner/repo");
  process.exit(2);
}
const rootFile = `${root}package.json`;
const current = JSON.parse(readFileSync(rootFile, "utf8"))
  .repository.url.replace(/^git\+/, "")
  .replace(/\.git$/, "");

let changed = 0;
function rewrite(file) {
  if (!existsSync(file)) return;
  const text = readFileSync(file, "utf8");
  const out = text.split(current).join(next);
  if (out !== text) {
    writeFileSync(file, out);
    changed++;
    console.log(`${file.slice(root.length)}: ${current} -> ${next}`);
  }
}
rewrite(rootFile);
for (const dir of readdirSync(`${root}packages`)) {
  rewrite(`${root}packages/${dir}/package.json`);
  rewrite(`${root}packages/${dir}/README.md`);
}
rewrite(`${root}README.md`);
console.log(`${changed} files changed`);
