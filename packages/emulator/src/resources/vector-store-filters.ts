import type { EmulatorHttpError } from "../errors.js";
import { invalidPayload } from "./resource-errors.js";
import type { Attributes } from "./vector-store-record.js";

const COMPARISONS = ["eq", "ne", "gt", "gte", "lt", "lte"];

/** A checked filter: true for the attributes it keeps. */
export type Filter = (attributes: Attributes | null) => boolean;

/**
 * Compiles a search `filters` value (a comparison, or `and` / `or` over filters, nested), or
 * answers 400 naming the bad part as the service does. A file without the key never matches a
 * comparison; `gt`-style comparisons need both sides numbers or both strings. `fail` makes the
 * error in the caller's shape.
 */
export function compileFilter(
  value: unknown,
  param = "filters",
  fail: (message: string, param: string) => EmulatorHttpError = invalidPayload,
): Filter {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw fail(`'${param}' must be an object.`, param);
  const node = value as Record<string, unknown>;
  const type = node.type;
  if (type === "and" || type === "or") {
    if (!Array.isArray(node.filters)) throw fail(`'${param}.filters' must be an array.`, `${param}.filters`);
    const parts = node.filters.map((f, i) => compileFilter(f, `${param}.filters[${i}]`, fail));
    return type === "and" ? (a) => parts.every((p) => p(a)) : (a) => parts.some((p) => p(a));
  }
  if (typeof type !== "string" || !COMPARISONS.includes(type))
    throw fail(
      `'${param}.type' must be one of ${[...COMPARISONS, "and", "or"].join(", ")}; got ${JSON.stringify(type)}.`,
      `${param}.type`,
    );
  const key = node.key;
  const expected = node.value;
  if (typeof key !== "string" || !key) throw fail(`'${param}.key' must be a string.`, `${param}.key`);
  if (!["string", "number", "boolean"].includes(typeof expected))
    throw fail(`'${param}.value' must be a string, number or boolean.`, `${param}.value`);
  return (attributes) => {
    const actual = attributes?.[key];
    if (actual === undefined) return false;
    if (type === "eq") return actual === expected;
    if (type === "ne") return actual !== expected;
    if (typeof actual !== typeof expected || typeof actual === "boolean") return false;
    const a = actual as number | string;
    const b = expected as number | string;
    return type === "gt" ? a > b : type === "gte" ? a >= b : type === "lt" ? a < b : a <= b;
  };
}

/** Checks `attributes` as the service does: at most 16 keys of 64 characters, short values. */
export function checkAttributes(value: unknown, param = "attributes"): Attributes | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object" || Array.isArray(value))
    throw invalidPayload(`'${param}' must be an object.`, param);
  const entries = Object.entries(value);
  if (entries.length > 16) throw invalidPayload(`'${param}' may have at most 16 keys.`, param);
  for (const [k, v] of entries) {
    if (k.length > 64) throw invalidPayload(`'${param}' keys may have at most 64 characters.`, param);
    const ok =
      (typeof v === "string" && v.length <= 512) ||
      (typeof v === "number" && Number.isFinite(v)) ||
      typeof v === "boolean";
    if (!ok)
      throw invalidPayload(
        `'${param}.${k}' must be a string of at most 512 characters, a number or a boolean.`,
        `${param}.${k}`,
      );
  }
  return value as Attributes;
}
