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

// A header name is an HTTP token. Its value may hold tabs and Latin-1 only: no line breaks, other
// control characters or anything beyond U+00FF (a pasted "…"), which Node's http and fetch refuse
// with a bare TypeError while sending (Node's own rule, `checkInvalidHeaderChar`).
const TOKEN = /^[\w!#$%&'*+.^`|~-]+$/;
const UNSENDABLE = /[^\t\x20-\x7e\x80-\xff]/;

/** Checks a header before it is sent. The message names the header, never its value (it may be a secret). */
export function checkHeader(name: string, value: unknown, param = "headers"): void {
  if (!TOKEN.test(name) || typeof value !== "string" || UNSENDABLE.test(value))
    invalid(
      param,
      `has a bad header ${JSON.stringify(name)}: a token name, a Latin-1 value without line breaks.`,
    );
}

/** A key or token: not empty, only characters a header can carry (the message never shows it). */
export function checkSecret(value: unknown, param: string): void {
  if (typeof value !== "string" || !value.trim() || UNSENDABLE.test(value))
    invalid(param, "is empty or has what a header cannot carry: line breaks, characters beyond Latin-1 (…).");
}

/** A whole number >= 0 (retry counts). */
export function checkCount(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0) invalid(name, `must be a whole number >= 0, got ${value}.`);
  return value;
}

/** A duration in ms > 0 (`Infinity` turns a timeout off). */
export function checkDuration(value: number, name: string): number {
  if (!(typeof value === "number" && value > 0)) invalid(name, `must be a number of ms > 0, got ${value}.`);
  return value;
}
