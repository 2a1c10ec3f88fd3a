import { InvalidInputError } from "./errors/input-errors.js";

/** Throws the {@link InvalidInputError} for `param`: the message reads `${param} ${why}`. */
export function invalid(param: string, why: string): never {
  throw new InvalidInputError(`${param} ${why}`, param);
}

const show = (value: unknown): string => String(JSON.stringify(value));

/** A whole number from `min` to `max` when set (`undefined` and `null` pass). */
export function checkInteger(
  value: unknown,
  param: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): void {
  if (value != null && !(Number.isInteger(value) && (value as number) >= min && (value as number) <= max))
    invalid(param, `must be ${range("whole number", min, max)}, got ${show(value)}.`);
}

/** A finite number from `min` to `max` when set. */
export function checkNumber(value: unknown, param: string, min: number, max: number): void {
  if (value != null && !(typeof value === "number" && value >= min && value <= max))
    invalid(param, `must be ${range("number", min, max)}, got ${show(value)}.`);
}

/**
 * A range in words: bounds that only mean "no limit" or "above zero" (`Number.MAX_SAFE_INTEGER`,
 * `Infinity`, `Number.MIN_VALUE`) would print as 9007199254740991 or 5e-324.
 */
function range(noun: string, min: number, max: number): string {
  const open = max >= Number.MAX_SAFE_INTEGER;
  if (min === Number.MIN_VALUE || (open && min === 1))
    return open ? `a positive ${noun}` : `a positive ${noun} up to ${max}`;
  if (open) return min === 0 ? `a ${noun} (0 or more)` : `a ${noun}, at least ${min}`;
  return `a ${noun} from ${min} to ${max}`;
}

/** One of `allowed` when set. */
export function checkOneOf(value: unknown, param: string, allowed: readonly unknown[]): void {
  if (value != null && !allowed.includes(value))
    invalid(param, `must be one of ${allowed.map(show).join(", ")}; got ${show(value)}.`);
}

/** A non-empty string (`maxLength` characters at most when given). */
export function checkText(value: unknown, param: string, maxLength = Infinity): void {
  if (typeof value !== "string" || value.trim() === "")
    invalid(param, `must be a non-empty string, got ${value === "" ? '""' : typeof value}.`);
  if (value.length > maxLength)
    invalid(param, `must be at most ${maxLength} characters, got ${value.length}.`);
}

// A header name is an HTTP token; its value may not hold line breaks or other control characters.
const TOKEN = /^[\w!#$%&'*+.^`|~-]+$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what it must catch
const CONTROL = /[\0-\b\n-\x1f\x7f]/;

/** Checks a header before it is sent. The message names the header, never its value (it may be a secret). */
export function checkHeader(name: string, value: unknown, param = "headers"): void {
  if (!TOKEN.test(name) || typeof value !== "string" || CONTROL.test(value))
    invalid(param, `has a bad header ${JSON.stringify(name)}: a token name, a value without line breaks.`);
}

/** A key or token: not empty, no line breaks or control characters (the message never shows it). */
export function checkSecret(value: unknown, param: string): void {
  if (typeof value !== "string" || !value.trim() || CONTROL.test(value))
    invalid(param, "is empty or has line breaks or control characters.");
}
