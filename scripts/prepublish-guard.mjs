// Every published package's `prepublishOnly`: refuses to publish a package folder with a client
// that would ship its `workspace:` ranges as they are (`npm publish` does; `pnpm publish`, and so
// `pnpm release`, rewrites them to real versions in the tarball, which scripts/check-tarballs.mjs
// checks again). No consumer can install `"@aoai/core": "workspace:^"`.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { pathToFileURL } from "node:url";

const LOCAL_RANGE = /^(workspace|catalog|link|file):/;
const FIELDS = ["dependencies", "peerDependencies", "optionalDependencies"];

/** `name@range` for every dependency whose range only means something inside this repository. */
export function localRanges(manifest) {
  const found = [];
  for (const field of FIELDS)
    for (const [name, range] of Object.entries(manifest[field] ?? {}))
      if (LOCAL_RANGE.test(String(range))) found.push(`${name}@${range}`);
  return found;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const manifest = JSON.parse(readFileSync("package.json", "utf8"));
  // The client running this script: npm_execpath is set by the client itself (npm_config_user_agent
  // can be inherited, e.g. npm run from inside a pnpm script).
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: set by the package manager for this lifecycle script, not a turbo task
  const client = basename(process.env.npm_execpath ?? "unknown").replace(/(-cli)?\.(c?js|exe)$/, "");
  const ranges = localRanges(manifest);
  // pnpm (which `changeset publish` calls here) replaces these ranges in the tarball it publishes.
  if (ranges.length > 0 && client !== "pnpm") {
    console.error(
      `${manifest.name}: refusing to publish with ${client}: the tarball would ` +
        `carry ${ranges.join(", ")}, which no consumer can install. Publish with \`pnpm release\` ` +
        "from the repository root (see RELEASING.md).",
    );
    process.exit(1);
  }
}
