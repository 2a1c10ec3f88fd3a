import { InvalidInputError } from "@aoai/core";
import type { EmbedManyOptions } from "./types.js";

/** The service's limit of inputs per request. */
export const MAX_INPUTS = 2048;

const fail = (message: string, param: string): never => {
  throw new InvalidInputError(`${param} ${message}`, param);
};

const kind = (value: unknown): string => (value === null ? "null" : typeof value);

/** Checks one text or token array. */
function checkItem(item: unknown, param: string): void {
  if (typeof item === "string") {
    if (!item) fail("is an empty string; the service embeds only non-empty text.", param);
  } else if (Array.isArray(item)) {
    if (!item.length) fail("is an empty token array.", param);
    item.forEach((token, j) => {
      if (!Number.isInteger(token) || token < 0)
        fail(`must be a token id (an integer >= 0), got ${token}.`, `${param}[${j}]`);
    });
  } else {
    fail(`must be a string or an array of token ids, got ${kind(item)}.`, param);
  }
}

/**
 * Checks `input` and returns it as a list of inputs (a lone text or token array becomes a list of
 * one); throws {@link InvalidInputError} naming the bad item, e.g. `input[3]`.
 */
export function toInputList(input: unknown): readonly unknown[] {
  if (typeof input === "string" || (Array.isArray(input) && typeof input[0] === "number")) {
    checkItem(input, "input");
    return [input];
  }
  if (!Array.isArray(input)) return fail(`must be a string or an array, got ${kind(input)}.`, "input");
  if (!input.length) fail("is an empty array; pass at least one text.", "input");
  const texts = typeof input[0] === "string";
  input.forEach((item, i) => {
    checkItem(item, `input[${i}]`);
    // Texts and token arrays cannot be mixed in one request.
    if ((typeof item === "string") !== texts)
      fail("mixes texts and token arrays; send one kind per request.", `input[${i}]`);
  });
  return input;
}

function checkCount(
  options: EmbedManyOptions,
  param: "dimensions" | "batchSize" | "concurrency",
  max = 1e9,
): void {
  const value = options[param];
  if (value !== undefined && !(Number.isInteger(value) && value > 0 && value <= max)) {
    fail(`must be a whole number from 1 to ${max}, got ${value}.`, param);
  }
}

function checkOneOf(
  options: EmbedManyOptions,
  param: "encoding_format" | "embeddingType" | "user",
  allowed: string[],
): void {
  const value = options[param];
  if (value !== undefined && (allowed.length ? !allowed.includes(value) : typeof value !== "string")) {
    fail(
      `must be ${allowed.length ? allowed.map((a) => `"${a}"`).join(" or ") : "a string"}, got ${JSON.stringify(value)}.`,
      param,
    );
  }
}

/** Checks the options of a request (and of `embedMany`); throws {@link InvalidInputError}. */
export function checkOptions(options: EmbedManyOptions): void {
  checkCount(options, "dimensions");
  checkCount(options, "batchSize", MAX_INPUTS);
  checkCount(options, "concurrency");
  checkOneOf(options, "user", []);
  checkOneOf(options, "encoding_format", ["float", "base64"]);
  checkOneOf(options, "embeddingType", ["float32", "number[]"]);
}
