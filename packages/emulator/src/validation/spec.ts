import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { badRequest, type EmulatorHttpError } from "../errors.js";
import type { UploadedFile } from "../ops/types.js";
import { type FormSchemaNode, formBody } from "./form-body.js";
import REQUEST_SCHEMAS from "./request-schemas.json" with { type: "json" };
import V1_PREVIEW_SCHEMAS from "./v1-preview-request-schemas.json" with { type: "json" };
import V1_SCHEMAS from "./v1-request-schemas.json" with { type: "json" };

/**
 * The specs whose request schemas are checked: the committed dated ones (request-schemas.json:
 * the deployments' operations, and responses and vector stores on 2025-04-01-preview) and the v1
 * API's, `v1` and `preview` (v1-request-schemas.json, v1-preview-request-schemas.json: each
 * request's top-level shape).
 */
type SpecVersion = "2024-10-21" | "2025-04-01-preview" | "v1" | "v1-preview";

interface SchemaNode {
  $ref?: string;
  properties?: Record<string, unknown>;
  allOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
}

interface SpecDocument {
  operations: Record<string, SchemaNode>;
  components: { schemas: Record<string, SchemaNode> };
}

const DOCUMENTS = {
  ...REQUEST_SCHEMAS.versions,
  v1: { operations: V1_SCHEMAS.operations, components: { schemas: {} } },
  "v1-preview": { operations: V1_PREVIEW_SCHEMAS.operations, components: { schemas: {} } },
} as unknown as Record<SpecVersion, SpecDocument>;

/**
 * Parameters the service takes on the versions these specs describe though the spec files lack
 * them (the models came after the spec was written; Azure's how-to docs name them).
 */
const SPEC_GAPS: Readonly<Record<string, readonly string[]>> = {
  // `stream_options` (`include_usage`): the 2024-10-21 chat spec and both completions specs lack
  // it; the service takes it with `stream` (clients such as LangChain send it on 2024-10-21).
  "chat/completions": ["stream_options"],
  completions: ["stream_options"],
  // gpt-4o-mini-tts: `instructions`; streamed speech: `stream_format`.
  "audio/speech": ["instructions", "stream_format"],
  // gpt-image-1: `moderation`.
  "images/generations": ["moderation"],
  // whisper's word timestamps on GA versions (the 2024-10-21 spec lacks them); the gpt-4o
  // transcribe models' `stream`, `include[]` (logprobs) and `chunking_strategy`.
  "audio/transcriptions": ["timestamp_granularities[]", "stream", "include[]", "chunking_strategy"],
  // gpt-image-1's edits take the output options its generations take (the spec has them there).
  "images/edits": ["background", "output_format", "output_compression", "input_fidelity"],
  // Responses: `safety_identifier`, `prompt_cache_key` and `service_tier`, which openai's clients
  // and this SDK's send on every version (neither the 2025-04-01-preview spec nor v1's has them).
  responses: ["service_tier", "safety_identifier", "prompt_cache_key"],
};

/**
 * Parameters the v1 API takes that its specs lack: gpt-5's `verbosity`, and `service_tier`; on
 * fine-tuning jobs Azure's `trainingType` (its fine-tuning how-to names it).
 */
const V1_SPEC_GAPS: Readonly<Record<string, readonly string[]>> = {
  "chat/completions": ["verbosity", "service_tier"],
  "fine_tuning/jobs": ["trainingType"],
};

/** Operations whose body names no deployment: `model` is a parameter like any other there. */
const NO_DEPLOYMENT = (operation: string) => operation.startsWith("vector_stores");

/**
 * The spec a route's version is checked against. Dated GA versions use the 2024-10-21 spec and
 * dated previews the 2025-04-01-preview spec: each is the newest of its line and adds to the
 * older ones, so an older version's valid body passes (it may let through a field that version
 * lacks, never refuse one it has). The v1 API uses its own specs, `v1` and `preview`.
 */
function specFor(apiVersion: string): SpecVersion {
  if (apiVersion === "v1") return "v1";
  if (apiVersion === "preview") return "v1-preview";
  return apiVersion.endsWith("-preview") ? "2025-04-01-preview" : "2024-10-21";
}

/**
 * Fields the service takes as token ids (`number[]` or `number[][]`) though the spec types them as
 * text only; the operation's own checks judge those forms.
 */
const TOKEN_FIELDS: Readonly<Record<string, string>> = { embeddings: "input", completions: "prompt" };

const isTokens = (v: unknown): boolean =>
  Array.isArray(v) &&
  v.length > 0 &&
  v.every((t) => typeof t === "number" || (Array.isArray(t) && t.every((u) => typeof u === "number")));

// `verbose` puts the failing value on each error, which the messages quote.
const ajv = new Ajv({ strict: false, verbose: true, validateFormats: false, discriminator: false });
for (const [version, doc] of Object.entries(DOCUMENTS)) {
  ajv.addSchema({ $id: `aoai:${version}`, components: doc.components });
}
const compiled = new Map<string, ValidateFunction | null>();

function validatorFor(version: SpecVersion, operation: string): ValidateFunction | null {
  const key = `${version} ${operation}`;
  let validate = compiled.get(key);
  if (validate === undefined) {
    const schema = DOCUMENTS[version].operations[operation];
    validate = schema ? ajv.compile(rebase(schema, version)) : null;
    compiled.set(key, validate);
  }
  return validate;
}

/** A validator of one `oneOf` branch, compiled once (each error must not compile it again). */
function branchValidator(branch: SchemaNode, version: SpecVersion): ValidateFunction {
  const key = `${version} branch ${JSON.stringify(branch)}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(rebase(branch, version));
    compiled.set(key, validate);
  }
  return validate;
}

/** An operation's root schema with its `$ref`s pointing into the version's document. */
function rebase(schema: SchemaNode, version: SpecVersion): object {
  if (schema.$ref?.startsWith("aoai:")) return schema;
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"aoai:${version}#/components/`));
}

/** Every top-level property a schema names, through `$ref`, `allOf`, `anyOf` and `oneOf`, with its schema. */
function properties(
  doc: SpecDocument,
  node: SchemaNode | undefined,
  into: Map<string, SchemaNode>,
): Map<string, SchemaNode> {
  if (!node) return into;
  if (node.$ref) return properties(doc, doc.components.schemas[node.$ref.split("/").pop()!], into);
  for (const [name, schema] of Object.entries(node.properties ?? {}))
    if (!into.has(name)) into.set(name, schema as SchemaNode);
  for (const sub of [...(node.allOf ?? []), ...(node.anyOf ?? []), ...(node.oneOf ?? [])])
    properties(doc, sub, into);
  return into;
}

const topLevel = new Map<string, ReadonlyMap<string, SchemaNode> | undefined>();

function topProperties(version: SpecVersion, operation: string): ReadonlyMap<string, SchemaNode> | undefined {
  const key = `${version} ${operation}`;
  if (!topLevel.has(key)) {
    const doc = DOCUMENTS[version];
    const root = doc.operations[operation];
    topLevel.set(key, root && properties(doc, root, new Map()));
  }
  return topLevel.get(key);
}

const known = new Map<string, ReadonlySet<string>>();

function knownParameters(version: SpecVersion, operation: string): ReadonlySet<string> | undefined {
  const key = `${version} ${operation}`;
  let names = known.get(key);
  if (!names) {
    const props = topProperties(version, operation);
    if (!props) return undefined;
    // `model` is the deployment on v1 and ignored on deployment routes; clients send it on both.
    const v1 = version === "v1" || version === "v1-preview";
    const gaps = [...(SPEC_GAPS[operation] ?? []), ...((v1 && V1_SPEC_GAPS[operation]) || [])];
    names = new Set([...(NO_DEPLOYMENT(operation) ? [] : ["model"]), ...gaps, ...props.keys()]);
    known.set(key, names);
  }
  return names;
}

/** Whether the spec of a route's version has a request schema for the operation. */
export function hasSpecSchema(operation: string, apiVersion: string): boolean {
  return DOCUMENTS[specFor(apiVersion)].operations[operation] !== undefined;
}

/**
 * Checks a JSON body against the request schema of its operation in the spec of its version
 * (see {@link specFor}): first the parameters the spec does not have (Azure's "Unrecognized
 * request argument supplied"), then the schema. Operations the spec lacks pass.
 */
export function checkAgainstSpec(operation: string, apiVersion: string, body: Record<string, unknown>): void {
  const version = specFor(apiVersion);
  const names = knownParameters(version, operation);
  if (!names) return;
  const unknown = Object.keys(body).filter((k) => !names.has(k));
  if (unknown.length === 1)
    throw badRequest(`Unrecognized request argument supplied: ${unknown[0]}`, null, null);
  if (unknown.length > 1)
    throw badRequest(`Unrecognized request arguments supplied: ${unknown.join(", ")}`, null, null);
  const validate = validatorFor(version, operation);
  const tokens = TOKEN_FIELDS[operation];
  const checked = tokens && isTokens(body[tokens]) ? { ...body, [tokens]: "tokens" } : body;
  if (validate && !validate(checked)) throw schemaError(validate.errors ?? [], version);
}

/**
 * Checks a multipart body against the `multipart/form-data` schema of its operation in the spec
 * of its version, as {@link checkAgainstSpec} checks a JSON body: the form is read
 * as the JSON its schema describes (see {@link formBody}), so a value of the wrong type, outside
 * an enum, a missing part (the file too) and a field the spec does not have are refused alike.
 */
export function checkFormAgainstSpec(
  operation: string,
  apiVersion: string,
  form: { fields: Record<string, string | string[]>; files: Record<string, UploadedFile> },
): void {
  const version = specFor(apiVersion);
  const props = topProperties(version, operation);
  if (!props) return;
  // The spec documents are untyped JSON; a property's schema is read as a form field's.
  const fields = props as ReadonlyMap<string, FormSchemaNode>;
  const body = formBody(form.fields, form.files, fields, (node) => resolve(node, version) as FormSchemaNode);
  checkAgainstSpec(operation, apiVersion, body);
}

const COMBINATORS = ["anyOf", "oneOf", "allOf", "if"];
const deepest = (list: readonly ErrorObject[]) =>
  [...list].sort((a, b) => b.instancePath.split("/").length - a.instancePath.split("/").length)[0];

/** A schema node, following `$ref`s within the spec documents. */
function resolve(node: SchemaNode, version: SpecVersion): SchemaNode & { enum?: unknown[]; const?: unknown } {
  if (!node.$ref) return node;
  const name = node.$ref.split("/").pop()!;
  return resolve(DOCUMENTS[version].components.schemas[name] ?? {}, version);
}

/** The `role` or `type` value a `oneOf` branch takes, if it names exactly one. */
function discriminator(branch: SchemaNode, version: SpecVersion): [string, unknown] | undefined {
  const props = (resolve(branch, version).properties ?? {}) as Record<string, SchemaNode>;
  for (const key of ["role", "type"]) {
    const prop = props[key] && resolve(props[key], version);
    const values = prop?.enum ?? (prop && "const" in prop ? [prop.const] : undefined);
    if (values?.length === 1) return [key, values[0]];
  }
  return undefined;
}

/**
 * The most telling of Ajv's errors. A value that matches none of a `oneOf`'s shapes (messages by
 * `role`, response formats and content parts by `type`) is judged by the shape its `role` or
 * `type` picks, as the service does; when it picks none, the error is that value, with every
 * allowed one.
 */
function mostTelling(errors: readonly ErrorObject[], version: SpecVersion): ErrorObject | undefined {
  const choices = errors.filter((e) => e.keyword === "oneOf" && Array.isArray(e.schema));
  const choice = deepest(choices);
  if (choice?.data && typeof choice.data === "object") {
    const branches = (choice.schema as SchemaNode[]).map((b) => [b, discriminator(b, version)] as const);
    const key = branches.find(([, d]) => d)?.[1]?.[0];
    if (key) {
      const value = (choice.data as Record<string, unknown>)[key];
      const picked = branches.find(([, d]) => d?.[0] === key && d[1] === value)?.[0];
      if (!picked)
        return {
          ...choice,
          keyword: "enum",
          instancePath: `${choice.instancePath}/${key}`,
          data: value,
          params: { allowedValues: branches.flatMap(([, d]) => (d ? [d[1]] : [])) },
        };
      const validate = branchValidator(picked, version);
      if (!validate(choice.data)) {
        const inner = mostTelling(validate.errors ?? [], version);
        if (inner) return { ...inner, instancePath: choice.instancePath + inner.instancePath };
      }
    }
  }
  const leaves = errors.filter((e) => !COMBINATORS.includes(e.keyword));
  return deepest(leaves.length ? leaves : errors);
}

/** The most telling of Ajv's errors, worded as the service words its validation errors. */
function schemaError(errors: readonly ErrorObject[], version: SpecVersion): EmulatorHttpError {
  const pick = mostTelling(errors, version);
  if (!pick) return badRequest("Invalid request body.", null, "invalid_value");
  const path = paramPath(pick.instancePath);
  const p = pick.params as Record<string, unknown>;
  switch (pick.keyword) {
    case "required": {
      const name = path ? `${path}.${String(p.missingProperty)}` : String(p.missingProperty);
      return badRequest(`Missing required parameter: '${name}'.`, name, "missing_required_parameter");
    }
    case "type":
      return badRequest(
        `Invalid type for '${path}': expected ${article(String(p.type))}, but got ${describe(pick.data)} instead.`,
        path,
        "invalid_type",
      );
    case "enum":
    case "const": {
      const allowed = (p.allowedValues as unknown[] | undefined) ?? [p.allowedValue];
      return badRequest(
        `Invalid value: '${String(pick.data)}'. Supported values are: ${allowed.map((v) => `'${String(v)}'`).join(", ")}.`,
        path,
        "invalid_value",
      );
    }
    case "minimum":
    case "exclusiveMinimum":
    case "maximum":
    case "exclusiveMaximum": {
      const below = pick.keyword.toLowerCase().includes("min");
      const kind =
        (pick.parentSchema as { type?: unknown } | undefined)?.type === "integer" ? "integer" : "decimal";
      return badRequest(
        `Invalid '${path}': ${kind} ${below ? "below minimum" : "above maximum"} value. Expected a value ${below ? ">=" : "<="} ${String(p.limit)}, but got ${String(pick.data)} instead.`,
        path,
        `${kind}_${below ? "below_min" : "above_max"}_value`,
      );
    }
    case "minItems":
      return badRequest(
        `Invalid '${path}': empty array. Expected an array with minimum length ${String(p.limit)}, but got an empty array instead.`,
        path,
        "empty_array",
      );
    case "maxItems":
      return badRequest(
        `Invalid '${path}': array too long. Expected an array with maximum length ${String(p.limit)}, but got an array with length ${(pick.data as unknown[]).length} instead.`,
        path,
        "array_above_max_length",
      );
    case "minLength":
      return badRequest(
        `Invalid '${path}': string too short. Expected a string with minimum length ${String(p.limit)}, but got a string with length ${(pick.data as string).length} instead.`,
        path,
        "string_below_min_length",
      );
    case "maxLength":
      return badRequest(
        `Invalid '${path}': string too long. Expected a string with maximum length ${String(p.limit)}, but got a string with length ${(pick.data as string).length} instead.`,
        path,
        "string_above_max_length",
      );
    default:
      return badRequest(
        `Invalid value for '${path}': ${pick.message ?? "not valid"}.`,
        path,
        "invalid_value",
      );
  }
}

/** `/messages/0/role` -> `messages[0].role`, the service's way of naming a parameter. */
function paramPath(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce((out, seg) => (/^\d+$/.test(seg) ? `${out}[${seg}]` : out ? `${out}.${seg}` : seg), "");
}

function article(type: string): string {
  const name =
    type === "integer"
      ? "an integer"
      : type === "array"
        ? "an array"
        : type === "object"
          ? "an object"
          : `a ${type}`;
  return name.replace(",", " or ");
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "number") return Number.isInteger(value) ? "an integer" : "a decimal";
  return typeof value === "boolean" ? "a boolean" : "a string";
}
