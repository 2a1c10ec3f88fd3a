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
    invalid(param, `must be a whole number from ${min} to ${max}, got ${show(value)}.`);
}

/** A finite number from `min` to `max` when set. */
export function checkNumber(value: unknown, param: string, min: number, max: number): void {
  if (value != null && !(typeof value === "number" && value >= min && value <= max))
    invalid(param, `must be a number from ${min} to ${max}, got ${show(value)}.`);
}

/** One of `allowed` when set. */
export function checkOneOf(value: unknown, param: string, allowed: readonly unknown[]): void {
  if (value != null && !allowed.includes(value))
    invalid(param, `must be one of ${allowed.map(show).join(", ")}; got ${show(value)}.`);
}

/** A non-empty string (`maxLength` characters at most when given). */
export function checkText(value: unknown, param: string, maxLength = Number.POSITIVE_INFINITY): void {
  if (typeof value !== "string" || value.trim() === "")
    invalid(param, `must be a non-empty string, got ${value === "" ? '""' : typeof value}.`);
  if (value.length > maxLength)
    invalid(param, `must be at most ${maxLength} characters, got ${value.length}.`);
}
