import { invalidRequest } from "../errors.js";
import { familyOf } from "../models.js";
import type { Reply } from "../reply.js";
import { countTokens } from "../text.js";
import { LruCache, unitVector, unitVectorJson, vectorBase64 } from "../vectors.js";
import type { OpRequest } from "./types.js";

/** The most inputs one request may carry, as in the service. */
const MAX_EMBEDDING_INPUTS = 2048;

const cache = new LruCache<string>(8192);

/** `embeddings`: deterministic unit vectors, as float arrays or base64 float32. */
export function embeddings(req: OpRequest): Reply {
  const inputs = normalizeInputs(req.body.input);
  // A model the table does not know: 1536, or 3072 when its name says 3-large.
  const fullDims =
    familyOf(req.model)?.embeddings?.dimensions ?? (req.model.includes("3-large") ? 3072 : 1536);
  const dims = dimensions(req.body.dimensions, fullDims);
  const format = req.body.encoding_format ?? "float";
  if (format !== "float" && format !== "base64") {
    throw invalidRequest(
      "'encoding_format' must be one of 'float', 'base64'",
      "encoding_format",
      "invalid_value",
    );
  }
  let tokens = 0;
  const items = inputs.map((input, index) => {
    tokens += typeof input === "string" ? countTokens(input) : input.length;
    const key = typeof input === "string" ? `s:${input}` : `t:${input.join(",")}`;
    const cacheKey = `${format}|${dims}|${key}`;
    let encoded = cache.get(cacheKey);
    if (encoded === undefined) {
      encoded =
        format === "float" ? unitVectorJson(key, dims) : JSON.stringify(vectorBase64(unitVector(key, dims)));
      cache.set(cacheKey, encoded);
    }
    return `{"object":"embedding","index":${index},"embedding":${encoded}}`;
  });
  // Built by hand: JSON.stringify of 1.5M numbers is the slow part of a 512 x 3072 request.
  const usage = JSON.stringify({ prompt_tokens: tokens, total_tokens: tokens });
  const body = `{"object":"list","data":[${items.join(",")}],"model":${JSON.stringify(req.model)},"usage":${usage}}`;
  return { kind: "raw", status: 200, contentType: "application/json", body };
}

function dimensions(value: unknown, full: number): number {
  if (value === undefined || value === null) return full;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > full) {
    throw invalidRequest(
      `'dimensions' must be an integer between 1 and ${full}`,
      "dimensions",
      "invalid_value",
    );
  }
  return value;
}

type Input = string | number[];

function normalizeInputs(input: unknown): Input[] {
  if (input === undefined || input === null)
    throw invalidRequest("'input' is a required property", "input", "missing_required_parameter");
  if (typeof input === "string") {
    if (input.length === 0) throw invalidRequest("'input' must not be empty", "input", "invalid_value");
    return [input];
  }
  if (!Array.isArray(input))
    throw invalidRequest("'input' must be a string or an array", "input", "invalid_type");
  if (input.length === 0) throw invalidRequest("'input' must not be empty", "input", "invalid_value");
  if (input.every(isTokenId)) return [input as number[]];
  if (input.length > MAX_EMBEDDING_INPUTS) {
    throw invalidRequest(
      `Too many inputs. The max number of inputs is ${MAX_EMBEDDING_INPUTS}.`,
      "input",
      "invalid_value",
    );
  }
  return input.map((item, i) => {
    if (typeof item === "string" && item.length > 0) return item;
    if (Array.isArray(item) && item.length > 0 && item.every(isTokenId)) return item as number[];
    throw invalidRequest(
      `'input[${i}]' must be a non-empty string or an array of token ids`,
      `input[${i}]`,
      "invalid_value",
    );
  });
}

function isTokenId(value: unknown): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}
