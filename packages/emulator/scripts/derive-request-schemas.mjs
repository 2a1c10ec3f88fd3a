#!/usr/bin/env node
// Writes src/validation/request-schemas.json: the request-body schemas of every operation the
// emulator serves, taken from the committed spec copies (../../specs/azure-openai/<version>), each
// with the component schemas it reaches, plus the list of every path the specs name (so that a
// route Azure has and the emulator does not emulate answers "not emulated", not "wrong URL").
//   node packages/emulator/scripts/derive-request-schemas.mjs [--check] [--v1 FILE] [--v1-preview FILE]
// --check exits 1 when the committed file differs from what the specs give.
// --v1 FILE (--v1-preview FILE) also writes, or with --check checks, src/validation/
// v1-request-schemas.json (v1-preview-request-schemas.json) from a copy or an excerpt of the
// official Azure OpenAI v1 (v1 preview) spec, which is not committed (see V1_SPECS).
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
  // - CompoundFilter's items are `oneOf [ComparisonFilter, {$recursiveRef: "#"}]`, a keyword Ajv
  //   ignores (the branch would take anything, so a comparison would match both): the branch is
  //   the compound filter itself.
  for (const branch of schemas.CompoundFilter?.properties?.filters?.items?.oneOf ?? [])
    if (branch.$recursiveRef === "#") {
      delete branch.$recursiveRef;
      branch.$ref = "#/components/schemas/CompoundFilter";
    }
  // - Components of a responses request the emulator's own checks judge, taken as any value:
  //   input items (their oneOf overlaps, so a message with content parts matches several of its
  //   shapes, which the service takes), tools (the spec knows file_search, function and computer
  //   only; the service judges the others), `include` values (three in the spec; the route
  //   checks the service's list) and `reasoning` (the spec requires `effort` and knows neither
  //   the `minimal` effort nor the `auto` summary, which the service takes).
  for (const name of ["InputItem", "Tool", "includable", "Reasoning"]) if (schemas[name]) schemas[name] = {};
}

// The operations outside deployments the emulator checks on dated versions: the routes with
// handlers of their own (responses, vector stores), named as those routes name them.
const RESOURCE_PREFIX = "/openai/";
const RESOURCE_OPERATIONS = [
  "responses",
  "vector_stores",
  "vector_stores/{vector_store_id}",
  "vector_stores/{vector_store_id}/files",
  "vector_stores/{vector_store_id}/files/{file_id}",
  "vector_stores/{vector_store_id}/search",
  "vector_stores/{vector_store_id}/file_batches",
];

/**
 * The v1 API's official specs (not committed: see reduceV1), by the option that names a copy of
 * each: `v1` for `/openai/v1/…`, `preview` for its `api-version=preview`.
 */
const V1_SPECS = [
  {
    option: "--v1",
    out: here("../src/validation/v1-request-schemas.json"),
    source: {
      repository: "Azure/azure-rest-api-specs",
      path: "specification/ai/data-plane/OpenAI.v1/azure-v1-v1-generated.json",
      commit: "0723d852ed5d4c0b95f331ce6f37833be70ea019",
    },
  },
  {
    option: "--v1-preview",
    out: here("../src/validation/v1-preview-request-schemas.json"),
    source: {
      repository: "Azure/azure-rest-api-specs",
      path: "specification/ai/data-plane/OpenAI.v1/azure-v1-preview-generated.json",
      commit: "3957f3def9f1e065e7832c04d29bce48bb71b5fb",
    },
  },
];
// The operations the emulator checks with these schemas: the deployment-style operations, and
// the JSON bodies of the v1 routes with handlers of their own (responses, vector stores,
// fine-tuning), each named by its path as the emulator's routes name it.
const V1_OPERATIONS = [
  "chat/completions",
  "completions",
  "embeddings",
  "images/generations",
  "images/edits",
  "audio/speech",
  "audio/transcriptions",
  "audio/translations",
  "responses",
  "vector_stores",
  "vector_stores/{vector_store_id}",
  "vector_stores/{vector_store_id}/files",
  "vector_stores/{vector_store_id}/files/{file_id}",
  "vector_stores/{vector_store_id}/file_batches",
  "fine_tuning/jobs",
];

/**
 * The v1 spec is too large to commit (660 KB, most of it responses and evals): each operation
 * keeps its request's own top-level schema only. A `$ref` to another component becomes `{}`
 * (nested values are judged by the emulator's own checks), descriptions go, and `nullable` goes
 * where no `type` is left beside it.
 */
function reduceV1(node) {
  if (Array.isArray(node)) return node.map(reduceV1);
  if (!node || typeof node !== "object") return node;
  if (typeof node.$ref === "string") return {};
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith("x-") || key === "description" || key === "deprecated") continue;
    out[key] =
      key === "properties"
        ? Object.fromEntries(Object.entries(value).map(([name, v]) => [name, reduceV1(v)]))
        : reduceV1(value);
  }
  if (Array.isArray(out.allOf)) {
    out.allOf = out.allOf.filter((sub) => Object.keys(sub).length > 0);
    if (out.allOf.length === 0) delete out.allOf;
  }
  // Ajv takes `nullable` beside a `type` (as in the dated specs) and refuses it without one.
  if ("nullable" in out && !("type" in out)) delete out.nullable;
  return out;
}

/**
 * Mistakes of the v1 spec that would refuse what the service takes, fixed here:
 * - chat `modalities` is typed `object` around a `$ref` to ResponseModalities, an array
 *   (`["text", "audio"]`, as clients send it).
 * - see below for `metadata`.
 */
function fixV1(schemas) {
  const modalities = schemas.AzureCreateChatCompletionRequest?.properties?.modalities;
  if (modalities?.type === "object" && modalities.allOf) delete modalities.type;
  // - `metadata: null` (clear it) on responses and vector stores: the service takes it, openai's
  //   clients and this SDK's send it; the spec types `metadata` as an object only.
  for (const name of [
    "AzureCreateResponse",
    "OpenAI.CreateVectorStoreRequest",
    "OpenAI.UpdateVectorStoreRequest",
  ]) {
    const metadata = schemas[name]?.properties?.metadata;
    if (metadata?.type === "object") metadata.nullable = true;
  }
}

function deriveV1(file, source) {
  const spec = JSON.parse(readFileSync(file, "utf8"));
  const schemas = spec.components.schemas;
  fixV1(schemas);
  const operations = {};
  for (const operation of V1_OPERATIONS) {
    const content = spec.paths[`/${operation}`]?.post?.requestBody?.content;
    let schema = content && Object.values(content)[0]?.schema;
    if (!schema) continue;
    if (schema.$ref) schema = schemas[schema.$ref.replace("#/components/schemas/", "")];
    operations[operation] = reduceV1(schema);
  }
  return `${JSON.stringify({ source, operations }, null, 2)}\n`;
}

/** Writes `text` to `out`, or with --check exits 1 when `out` holds something else. */
function emit(out, text, command) {
  if (process.argv.includes("--check")) {
    if (readFileSync(out, "utf8") !== text) {
      process.stderr.write(`${out} is stale: run ${command}\n`);
      process.exit(1);
    }
  } else writeFileSync(out, text);
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
    const operation = path.startsWith(DEPLOYMENT_PREFIX)
      ? path.slice(DEPLOYMENT_PREFIX.length)
      : RESOURCE_OPERATIONS.find((name) => path === `${RESOURCE_PREFIX}${name}`);
    if (!operation) continue;
    const content = item.post?.requestBody?.content;
    const schema = content && Object.values(content)[0]?.schema;
    if (!schema) continue;
    operations[operation] = strip(schema);
    collect(schema, schemas, names);
  }
  const components = Object.fromEntries([...names].sort().map((n) => [n, strip(schemas[n])]));
  versions[version] = { operations, components: { schemas: components } };
}
const text = `${JSON.stringify({ versions, paths: [...paths].sort() })}\n`;
emit(OUT, text, "node packages/emulator/scripts/derive-request-schemas.mjs");
for (const { option, out, source } of V1_SPECS) {
  const at = process.argv.indexOf(option);
  if (at > 0)
    emit(
      out,
      deriveV1(process.argv[at + 1], source),
      `node packages/emulator/scripts/derive-request-schemas.mjs ${option} <${source.path.split("/").pop()}>`,
    );
}
