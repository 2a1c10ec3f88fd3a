import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Versions of the committed spec copies (specs/azure-openai/<version>/inference.json). */
export type SpecVersion = "2024-10-21" | "2025-04-01-preview";

/** A JSON Schema / OpenAPI schema node, loosely typed: tests only read it. */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  items?: Schema;
  enum?: unknown[];
  required?: string[];
  [keyword: string]: unknown;
}

interface Operation {
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  [key: string]: unknown;
}

/** The parts of a derived spec the helpers read; everything else is there too. */
export interface Spec {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
  [key: string]: unknown;
}

/** Absolute path of the committed, Prism-ready copy (see specs/README.md). */
export function specPath(version: SpecVersion): string {
  return fileURLToPath(new URL(`../specs/azure-openai/${version}/inference.json`, import.meta.url));
}

const cache = new Map<SpecVersion, Spec>();

/** The parsed committed copy, shared between callers: treat it as read-only. */
export function loadSpec(version: SpecVersion): Spec {
  let spec = cache.get(version);
  if (!spec) {
    spec = JSON.parse(readFileSync(specPath(version), "utf8")) as Spec;
    cache.set(version, spec);
  }
  return spec;
}

/** Follows `$ref`s (local `#/components/schemas/...` only, as in these specs) to a schema with content. */
export function resolve(version: SpecVersion, schema: Schema): Schema {
  const seen = new Set<string>();
  let current = schema;
  while (current.$ref) {
    const ref = current.$ref;
    const name = ref.startsWith("#/components/schemas/") ? ref.slice("#/components/schemas/".length) : "";
    const target = loadSpec(version).components.schemas[name];
    if (!target || seen.has(ref)) throw new Error(`${version}: cannot resolve ${ref}`);
    seen.add(ref);
    current = target;
  }
  return current;
}

/**
 * The request body schema of an operation, `$ref` resolved. `path` is as the service sees it,
 * with or without the `/openai` prefix, e.g. "/deployments/{deployment-id}/chat/completions".
 */
export function requestSchema(
  version: SpecVersion,
  path: string,
  method = "post",
  mediaType = "application/json",
): Schema {
  const full = path.startsWith("/openai/") ? path : `/openai${path}`;
  const schema = loadSpec(version).paths[full]?.[method]?.requestBody?.content?.[mediaType]?.schema;
  if (!schema)
    throw new Error(`${version}: no ${mediaType} request body for ${method.toUpperCase()} ${full}`);
  return resolve(version, schema);
}

/** Every property a schema declares, directly or through `$ref` and `allOf` (later ones win). */
export function schemaProperties(version: SpecVersion, schema: Schema): Record<string, Schema> {
  const resolved = resolve(version, schema);
  const merged: Record<string, Schema> = {};
  for (const part of resolved.allOf ?? []) Object.assign(merged, schemaProperties(version, part));
  return Object.assign(merged, resolved.properties);
}
