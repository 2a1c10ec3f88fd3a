#!/usr/bin/env node
// Writes src/validation/request-schemas.json: the request-body schemas of every operation the
// emulator serves, taken from the committed spec copies (../../specs/azure-openai/<version>), each
// with the component schemas it reaches, plus the list of every path the specs name (so that a
// route Azure has and the emulator does not emulate answers "not emulated", not "wrong URL").
//   node packages/emulator/scripts/derive-request-schemas.mjs [--check]
// --check exits 1 when the committed file differs from what the specs give.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const VERSIONS = ["2024-10-21", "2025-04-01-preview"];
const DEPLOYMENT_PREFIX = "/openai/deployments/{deployment-id}/";
const OUT = here("../src/validation/request-schemas.json");

/** Adds to `names` every component schema `node` reaches through `$ref`. */
function collect(node, schemas, names) {
  if (Array.isArray(node)) {
    for (const item of node) collect(item, schemas, names);
    return;
  }
  if (!node || typeof node !== "object") return;
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref" && typeof value === "string") {
      const name = value.replace("#/components/schemas/", "");
      if (!names.has(name)) {
        names.add(name);
        collect(schemas[name], schemas, names);
      }
    } else collect(value, schemas, names);
  }
}

/** Drops vendor extensions (`x-…`), which validation never reads. */
function strip(node) {
  if (Array.isArray(node)) return node.map(strip);
  if (!node || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => !key.startsWith("x-"))
      .map(([key, value]) => [key, strip(value)]),
  );
}

/**
 * Mistakes of the spec files that would refuse what the service takes, fixed here:
 * - 2024-10-21 requires `type` inside `response_format.json_schema`, which has no such property
 *   (the service, and the 2025-04-01-preview spec, need only `name`).
 */
function fixSpec(_version, schemas) {
  const jsonSchema = schemas.ResponseFormatJsonSchema?.properties?.json_schema;
  if (jsonSchema?.required?.includes("type") && !jsonSchema.properties?.type)
    jsonSchema.required = jsonSchema.required.filter((name) => name !== "type");
}

const versions = {};
const paths = new Set();
for (const version of VERSIONS) {
  const spec = JSON.parse(
    readFileSync(here(`../../../specs/azure-openai/${version}/inference.json`), "utf8"),
  );
  const schemas = spec.components.schemas;
  fixSpec(version, schemas);
  const operations = {};
  const names = new Set();
  for (const [path, item] of Object.entries(spec.paths)) {
    paths.add(path.replace("{deployment-id}", "{deployment}"));
    if (!path.startsWith(DEPLOYMENT_PREFIX)) continue;
    const content = item.post?.requestBody?.content;
    const schema = content && Object.values(content)[0]?.schema;
    if (!schema) continue;
    operations[path.slice(DEPLOYMENT_PREFIX.length)] = strip(schema);
    collect(schema, schemas, names);
  }
  const components = Object.fromEntries([...names].sort().map((n) => [n, strip(schemas[n])]));
  versions[version] = { operations, components: { schemas: components } };
}
const text = `${JSON.stringify({ versions, paths: [...paths].sort() })}\n`;
if (process.argv.includes("--check")) {
  if (readFileSync(OUT, "utf8") !== text) {
    process.stderr.write(`${OUT} is stale: run node packages/emulator/scripts/derive-request-schemas.mjs\n`);
    process.exit(1);
  }
} else writeFileSync(OUT, text);
