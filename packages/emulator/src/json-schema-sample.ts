type Schema = Record<string, unknown>;

// Recursive schemas (a tree node whose children are nodes) would otherwise never end.
const MAX_DEPTH = 8;

/**
 * A value that validates against `schema` (the JSON Schema subset that function parameters and
 * structured outputs use: $ref/$defs, type, properties, items, enum, const, anyOf/oneOf/allOf,
 * string formats and length, numeric bounds). Deterministic: the same schema gives the same value.
 */
export function sampleFromSchema(schema: unknown, root: unknown = schema): unknown {
  return sample(schema, root, 0, undefined);
}

function sample(node: unknown, root: unknown, depth: number, name: string | undefined): unknown {
  if (node === true || node === undefined) return name ? `sample ${name}` : "sample";
  if (node === null || typeof node !== "object" || Array.isArray(node)) return null;
  const s = node as Schema;
  if (typeof s.$ref === "string") return sample(resolveRef(s.$ref, root), root, depth + 1, name);
  if ("const" in s) return s.const;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0];
  if (s.default !== undefined) return s.default;
  const choices = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
  if (Array.isArray(choices) && choices.length > 0) {
    const pick = choices.find((c) => !isNullSchema(c, root)) ?? choices[0];
    return sample(pick, root, depth + 1, name);
  }
  if (Array.isArray(s.allOf)) return sample(mergeAll(s.allOf, root), root, depth + 1, name);
  if (depth > MAX_DEPTH) return null;
  switch (pickType(s)) {
    case "object":
      return sampleObject(s, root, depth);
    case "array":
      return sampleArray(s, root, depth, name);
    case "string":
      return sampleString(s, name);
    case "integer":
      return Math.ceil(sampleNumber(s));
    case "number":
      return sampleNumber(s);
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return name ? `sample ${name}` : "sample";
  }
}

function pickType(s: Schema): string | undefined {
  if (typeof s.type === "string") return s.type;
  if (Array.isArray(s.type)) return (s.type.find((t) => t !== "null") ?? s.type[0]) as string | undefined;
  if (s.properties) return "object";
  if (s.items) return "array";
  return undefined;
}

function sampleObject(s: Schema, root: unknown, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const props = (s.properties ?? {}) as Record<string, unknown>;
  // Strict structured outputs require every property, so fill them all, not only `required`.
  for (const [key, child] of Object.entries(props)) out[key] = sample(child, root, depth + 1, key);
  for (const key of (s.required as string[] | undefined) ?? []) {
    if (!(key in out)) out[key] = `sample ${key}`;
  }
  return out;
}

function sampleArray(s: Schema, root: unknown, depth: number, name: string | undefined): unknown[] {
  const min = typeof s.minItems === "number" ? s.minItems : 1;
  const max = typeof s.maxItems === "number" ? s.maxItems : Math.max(min, 1);
  const count = Math.min(Math.max(min, 1), max);
  if (Array.isArray(s.prefixItems)) return s.prefixItems.map((item) => sample(item, root, depth + 1, name));
  return Array.from({ length: count }, () => sample(s.items, root, depth + 1, name));
}

const FORMATS: Record<string, string> = {
  "date-time": "2025-01-01T00:00:00Z",
  date: "2025-01-01",
  time: "12:00:00",
  email: "user@example.com",
  uri: "https://example.com/",
  url: "https://example.com/",
  hostname: "example.com",
  ipv4: "127.0.0.1",
  ipv6: "::1",
  uuid: "00000000-0000-4000-8000-000000000000",
  duration: "PT1M",
};

function sampleString(s: Schema, name: string | undefined): string {
  const format = typeof s.format === "string" ? FORMATS[s.format] : undefined;
  if (format) return format;
  let text = name ? `sample ${name}` : "sample";
  const min = typeof s.minLength === "number" ? s.minLength : 0;
  const max = typeof s.maxLength === "number" ? s.maxLength : Number.POSITIVE_INFINITY;
  while (text.length < min) text += "x";
  return text.slice(0, max);
}

function sampleNumber(s: Schema): number {
  const min =
    typeof s.minimum === "number"
      ? s.minimum
      : typeof s.exclusiveMinimum === "number"
        ? s.exclusiveMinimum + 1
        : undefined;
  const max =
    typeof s.maximum === "number"
      ? s.maximum
      : typeof s.exclusiveMaximum === "number"
        ? s.exclusiveMaximum - 1
        : undefined;
  let n = 1;
  if (min !== undefined && n < min) n = min;
  if (max !== undefined && n > max) n = max;
  if (typeof s.multipleOf === "number" && s.multipleOf > 0) n = Math.ceil(n / s.multipleOf) * s.multipleOf;
  return n;
}

function isNullSchema(node: unknown, root: unknown): boolean {
  if (!node || typeof node !== "object") return false;
  const s = node as Schema;
  if (typeof s.$ref === "string") return isNullSchema(resolveRef(s.$ref, root), root);
  return s.type === "null";
}

function mergeAll(parts: unknown[], root: unknown): Schema {
  const merged: Schema = { type: "object", properties: {}, required: [] };
  for (const part of parts) {
    let s = part as Schema;
    if (s && typeof s.$ref === "string") s = resolveRef(s.$ref, root) as Schema;
    if (!s || typeof s !== "object") continue;
    if (s.type && s.type !== "object") return s;
    Object.assign(merged.properties as Schema, s.properties);
    (merged.required as string[]).push(...((s.required as string[] | undefined) ?? []));
  }
  return merged;
}

/** Follows a local `#/…` JSON pointer; other refs resolve to an unconstrained schema. */
function resolveRef(ref: string, root: unknown): unknown {
  if (!ref.startsWith("#")) return true;
  let node: unknown = root;
  for (const raw of ref.slice(1).split("/").filter(Boolean)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (!node || typeof node !== "object") return true;
    node = (node as Schema)[key];
  }
  return node ?? true;
}
