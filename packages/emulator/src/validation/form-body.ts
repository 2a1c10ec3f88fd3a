import { badRequest } from "../errors.js";
import type { UploadedFile } from "../ops/types.js";

/** The parts of a schema node the form reading looks at. */
export interface FormSchemaNode {
  $ref?: string;
  properties?: Record<string, FormSchemaNode>;
  type?: string | string[];
  format?: string;
  items?: FormSchemaNode;
  oneOf?: FormSchemaNode[];
  anyOf?: FormSchemaNode[];
  allOf?: FormSchemaNode[];
}

/** What a form field's top-level schema allows, found through `$ref`s and combinators. */
interface Allowed {
  types: Set<string>;
  /** A file part (`format: binary`) is what the field takes. */
  file: boolean;
  /** The schema of an array's items, when the field is an array. */
  items: FormSchemaNode | undefined;
}

/** A placeholder for a file part in the JSON the form becomes: a string, as the spec types files. */
const FILE = "<file>";

type Resolve = (node: FormSchemaNode) => FormSchemaNode;

function allowed(
  node: FormSchemaNode | undefined,
  resolve: Resolve,
  into: Allowed = emptyAllowed(),
): Allowed {
  if (!node) return into;
  const n = resolve(node);
  for (const t of [n.type ?? []].flat()) into.types.add(t);
  if (n.format === "binary") into.file = true;
  if (n.items && !into.items) into.items = n.items;
  for (const sub of [...(n.oneOf ?? []), ...(n.anyOf ?? []), ...(n.allOf ?? [])]) allowed(sub, resolve, into);
  return into;
}

const emptyAllowed = (): Allowed => ({ types: new Set(), file: false, items: undefined });

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * One text value as the JSON type its schema names: a form carries every value as text, so
 * `"0.2"` is a number where the schema wants one and `"true"` a boolean. A value that is none of
 * the types stays text, for the schema check to refuse with the type it expected.
 */
function coerce(text: string, schema: FormSchemaNode | undefined, resolve: Resolve): unknown {
  const { types } = allowed(schema, resolve);
  if (types.size === 0 || types.has("string")) return text;
  const trimmed = text.trim();
  if ((types.has("number") || types.has("integer")) && NUMBER.test(trimmed)) return Number(trimmed);
  if (types.has("boolean") && (trimmed === "true" || trimmed === "false")) return trimmed === "true";
  if (types.has("object") || types.has("array")) {
    // Objects travel as JSON text (`chunking_strategy`).
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/** One value given for a field: a text part or a file part. */
type Part = { text: string } | { file: UploadedFile };

/**
 * The form's fields as the JSON body the spec's `multipart/form-data` schema describes, so that
 * the same checks judge it as a JSON body: each part under the property it fills (`image[]`
 * fills `image`, `include[]` stays `include[]` where the spec names it so), text coerced to the
 * property's type, files as a placeholder string (the spec types them as binary strings), and
 * repeated parts or `name[]` parts as arrays, `name[key]` parts as the members of an object. A
 * text part where the spec wants a file is refused
 * here; a property the spec does not have keeps its name, for the unknown-parameter check.
 */
export function formBody(
  fields: Record<string, string | string[]>,
  files: Record<string, UploadedFile>,
  properties: ReadonlyMap<string, FormSchemaNode>,
  resolve: Resolve,
): Record<string, unknown> {
  const parts = new Map<string, { listed: boolean; values: Part[] }>();
  const members = new Map<string, [string[], string][]>();
  const add = (name: string, part: Part) => {
    // `chunking_strategy[type]=server_vad`: a member of an object, the form openai's clients send.
    const path = /^([^[\]]+)((?:\[[^[\]]+\])+)$/.exec(name);
    if (path && "text" in part) {
      const key = path[1]!;
      const list = members.get(key) ?? [];
      list.push([path[2]!.slice(1, -1).split("]["), part.text]);
      members.set(key, list);
      return;
    }
    const key = propertyName(name, properties);
    const entry = parts.get(key) ?? { listed: false, values: [] };
    entry.listed ||= name.endsWith("[]");
    entry.values.push(part);
    parts.set(key, entry);
  };
  for (const [name, value] of Object.entries(fields)) for (const text of [value].flat()) add(name, { text });
  // A repeated file keeps each part as `name#1`, `name#2`… (see multipart.ts).
  for (const [key, file] of Object.entries(files)) add(key.replace(/#\d+$/, ""), { file });

  const body: Record<string, unknown> = {};
  for (const [key, { listed, values }] of parts) {
    const schema = properties.get(key);
    const shape = allowed(schema, resolve);
    const isArray = shape.types.has("array") && (listed || values.length > 1 || !shape.types.has("string"));
    const itemSchema = isArray ? shape.items : schema;
    const read = values.map((part) => value(key, part, itemSchema, resolve));
    body[key] = isArray || values.length > 1 ? read : read[0];
  }
  for (const [key, list] of members) {
    const object: Record<string, unknown> = {};
    for (const [path, text] of list) setMember(object, path, text, properties.get(key), resolve);
    body[key] = object;
  }
  return body;
}

/** Sets `object[path[0]][path[1]]…` to `text` read as the type the schema gives that member. */
function setMember(
  object: Record<string, unknown>,
  path: string[],
  text: string,
  schema: FormSchemaNode | undefined,
  resolve: Resolve,
): void {
  const [head, ...rest] = path as [string, ...string[]];
  const member = schema && memberSchema(schema, head, resolve);
  if (rest.length === 0) {
    object[head] = coerce(text, member, resolve);
    return;
  }
  const inner = object[head];
  const next = inner && typeof inner === "object" ? (inner as Record<string, unknown>) : {};
  object[head] = next;
  setMember(next, rest, text, member, resolve);
}

/** The schema of an object's member, through `$ref`s and combinators. */
function memberSchema(node: FormSchemaNode, key: string, resolve: Resolve): FormSchemaNode | undefined {
  const n = resolve(node);
  const own = n.properties?.[key];
  if (own) return own;
  for (const sub of [...(n.oneOf ?? []), ...(n.anyOf ?? []), ...(n.allOf ?? [])]) {
    const found = memberSchema(sub, key, resolve);
    if (found) return found;
  }
  return undefined;
}

/** The property a part's name fills: itself, or the same name with or without `[]`. */
function propertyName(name: string, properties: ReadonlyMap<string, FormSchemaNode>): string {
  if (properties.has(name)) return name;
  const bare = name.endsWith("[]") ? name.slice(0, -2) : `${name}[]`;
  return properties.has(bare) ? bare : name;
}

function value(key: string, part: Part, schema: FormSchemaNode | undefined, resolve: Resolve): unknown {
  const wantsFile = allowed(schema, resolve).file;
  if ("file" in part) return wantsFile ? FILE : part.file.data.toString("utf8");
  if (wantsFile)
    throw badRequest(
      `Invalid type for '${key}': expected a file, but got a string instead.`,
      key,
      "invalid_type",
    );
  return coerce(part.text, schema, resolve);
}
