#!/usr/bin/env node
// Derives a Prism-friendly copy of an official Azure OpenAI inference spec.
// Usage: node scripts/prismify.mjs <in.json> <out.json> [path-prefix]   (e.g. "/openai")
//
// The official files are never edited; this writes a new file that sidesteps three Prism traps
// (see /work/shared/specs/README.md):
//   1. `x-ms-examples` point at ./examples/*.json files we do not have; Prism dies with ENOENT.
//   2. `nullable` without `type` makes Ajv refuse the schema, and Prism then silently skips
//      validating the whole body. We rewrite such nodes as `anyOf: [schema, {type: "null"}]`.
//   3. Prism ignores the `servers` base path, so the `/openai` prefix is folded into every path.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Rewrites one `nullable`-without-`type` node; other nodes come back unchanged. */
function fixUntypedNullable(node) {
  if (!("nullable" in node) || "type" in node) return node;
  const { nullable, description, default: defaultValue, ...schema } = node;
  // Keep documentation keys on the outer node so they still describe the whole value.
  const outer = {};
  if (description !== undefined) outer.description = description;
  if (defaultValue !== undefined) outer.default = defaultValue;
  if (!nullable) return { ...outer, ...schema };
  return { ...outer, anyOf: [schema, { type: "null" }] };
}

function clean(value) {
  if (Array.isArray(value)) return value.map(clean);
  if (value === null || typeof value !== "object") return value;
  const copy = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === "x-ms-examples") continue;
    copy[key] = clean(child);
  }
  return fixUntypedNullable(copy);
}

/**
 * Returns the derived spec object.
 * @param {unknown} spec parsed official spec
 * @param {string} [prefix] added in front of every path, e.g. "/openai"
 */
export function prismify(spec, prefix = "") {
  const out = clean(spec);
  if (prefix && out && typeof out === "object" && out.paths) {
    const paths = {};
    for (const [path, item] of Object.entries(out.paths)) paths[prefix + path] = item;
    out.paths = paths;
  }
  return out;
}

function main(argv) {
  const [input, output, prefix = ""] = argv;
  if (!input || !output) {
    process.stderr.write("usage: node scripts/prismify.mjs <in.json> <out.json> [path-prefix]\n");
    process.exit(2);
  }
  const spec = JSON.parse(readFileSync(input, "utf8"));
  writeFileSync(output, `${JSON.stringify(prismify(spec, prefix), null, 2)}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
