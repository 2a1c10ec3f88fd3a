import { checkInteger, checkOneOf, invalid } from "@aoai/core/internal";
import type { EmbeddingCreateRequest, EmbedManyOptions, EmbedOptions } from "./types.js";

/** The service's limit of inputs per request. */
export const MAX_INPUTS = 2048;

const kind = (value: unknown): string => (value === null ? "null" : typeof value);

/** Checks one text or token array. */
function checkItem(item: unknown, param: string): void {
  if (typeof item === "string") {
    if (!item) invalid(param, "is an empty string.");
  } else if (Array.isArray(item)) {
    if (!item.length) invalid(param, "is an empty token array.");
    item.forEach((token, j) => {
      if (!Number.isInteger(token) || token < 0)
        invalid(`${param}[${j}]`, `must be a token id (an integer >= 0), got ${token}.`);
    });
  } else {
    invalid(param, `must be a string or an array of token ids, got ${kind(item)}.`);
  }
}

/**
 * Checks `input` and returns it as a list of inputs (a lone text or token array becomes a list of
 * one); throws `InvalidInputError` naming the bad item, e.g. `input[3]`.
 */
export function toInputList(input: unknown): readonly unknown[] {
  if (typeof input === "string" || (Array.isArray(input) && typeof input[0] === "number")) {
    checkItem(input, "input");
    return [input];
  }
  if (!Array.isArray(input)) return invalid("input", `must be a string or an array, got ${kind(input)}.`);
  if (!input.length) invalid("input", "is an empty array.");
  const texts = typeof input[0] === "string";
  input.forEach((item, i) => {
    checkItem(item, `input[${i}]`);
    // Texts and token arrays cannot be mixed in one request.
    if ((typeof item === "string") !== texts) invalid(`input[${i}]`, "mixes texts and token arrays.");
  });
  return input;
}

/** Checks a request's fields (not `input`); throws `InvalidInputError`. */
export function checkRequest(request: EmbeddingCreateRequest): void {
  if (!request || typeof request !== "object" || Array.isArray(request))
    invalid("request", "must be an object: { input, … }.");
  checkInteger(request.dimensions, "dimensions", 1);
  if (request.user != null && typeof request.user !== "string") invalid("user", "must be a string.");
  checkOneOf(request.encoding_format, "encoding_format", ["float", "base64"]);
}

/** Checks per-call options; throws `InvalidInputError`. */
export function checkOptions(options: EmbedOptions): void {
  checkOneOf(options.embeddingType, "embeddingType", ["float32", "number[]"]);
}

/** Checks the options of `embedMany`: a call's, and how to split and schedule. */
export function checkManyOptions(options: EmbedManyOptions): void {
  checkOptions(options);
  checkInteger(options.batchSize, "batchSize", 1, MAX_INPUTS);
  checkInteger(options.concurrency, "concurrency", 1);
}
