import type { AzureOpenAIClient } from "@aoai/core";
import { checkInteger, checkNumber, checkOneOf, checkText, checkVersion, invalid } from "@aoai/core/internal";
import type {
  FileBatchCreateRequest,
  VectorStoreCreateRequest,
  VectorStoreFileCreateRequest,
  VectorStoreFileListQuery,
  VectorStoreSearchRequest,
  VectorStoreUpdateRequest,
} from "./request-types.js";
import { versions } from "./versions.js";

/** The most file ids one create or file batch request takes (the spec's `maxItems`). */
export const MAX_BATCH_FILES = 500;

const COMPARISONS = ["eq", "ne", "gt", "gte", "lt", "lte"];
const STATUSES = ["in_progress", "completed", "failed", "cancelled"];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function checkRequest(request: unknown, example: string): asserts request is Record<string, unknown> {
  if (!isObject(request)) invalid("request", `must be an object such as ${example}.`);
}

/** Checks a store create request; throws `InvalidInputError` naming the field. */
export function checkCreate(request: VectorStoreCreateRequest): void {
  checkRequest(request, '{ name: "docs" }');
  if (request.name != null) checkString(request.name, "name");
  if (request.file_ids != null) checkFileIds(request.file_ids, 0);
  checkChunking(request.chunking_strategy);
  checkStoreFields(request);
}

/** Checks a store update request. */
export function checkUpdate(request: VectorStoreUpdateRequest): void {
  checkRequest(request, '{ name: "docs" }');
  if (request.name != null) checkString(request.name, "name");
  checkStoreFields(request);
}

function checkStoreFields(request: VectorStoreCreateRequest | VectorStoreUpdateRequest): void {
  const { expires_after: expiry, metadata } = request;
  if (expiry != null) {
    if (!isObject(expiry) || expiry.anchor !== "last_active_at")
      invalid("expires_after.anchor", 'must be "last_active_at".');
    if (expiry.days == null) invalid("expires_after.days", "is required.");
    checkInteger(expiry.days, "expires_after.days", 1, 365);
  }
  if (metadata != null) {
    if (!isObject(metadata)) invalid("metadata", "must be an object of strings.");
    checkCount(metadata, "metadata");
    for (const [key, value] of Object.entries(metadata))
      if (typeof value !== "string") invalid(`metadata.${key}`, `must be a string, got ${typeof value}.`);
  }
}

/** Checks an add-file request. */
export function checkAddFile(client: AzureOpenAIClient, request: VectorStoreFileCreateRequest): void {
  checkRequest(request, '{ file_id: "assistant-…" }');
  checkText(request.file_id, "file_id");
  checkChunking(request.chunking_strategy);
  checkCreateAttributes(client, request.attributes);
}

/** Checks a file batch request: 1 to 500 ids. */
export function checkFileBatch(client: AzureOpenAIClient, request: FileBatchCreateRequest): void {
  checkRequest(request, '{ file_ids: ["assistant-…"] }');
  checkFileIds(request.file_ids, 1);
  checkChunking(request.chunking_strategy);
  checkCreateAttributes(client, request.attributes);
}

function checkCreateAttributes(client: AzureOpenAIClient, attributes: unknown): void {
  if (attributes == null) return;
  checkVersion(client, "attributes", versions("attributes"));
  checkAttributes(attributes);
}

/** Checks file attributes: at most 16, keys of 64 characters, strings of 512, numbers, booleans. */
export function checkAttributes(attributes: unknown, param = "attributes"): void {
  if (attributes === null) return;
  if (!isObject(attributes)) invalid(param, "must be an object of strings, numbers and booleans.");
  checkCount(attributes, param);
  for (const [key, value] of Object.entries(attributes)) {
    if (key.length > 64) invalid(param, `has a key longer than 64 characters: ${JSON.stringify(key)}.`);
    if (typeof value === "string") checkString(value, `${param}.${key}`, 512, true);
    else if (typeof value !== "boolean" && !(typeof value === "number" && Number.isFinite(value)))
      invalid(`${param}.${key}`, `must be a string, a finite number or a boolean, got ${typeof value}.`);
  }
}

function checkCount(value: object, param: string): void {
  const count = Object.keys(value).length;
  if (count > 16) invalid(param, `may have at most 16 keys, got ${count}.`);
}

function checkString(value: unknown, param: string, max = Infinity, empty = false): void {
  if (typeof value !== "string") invalid(param, `must be a string, got ${typeof value}.`);
  if (!empty && value === "") invalid(param, "must not be empty.");
  if (value.length > max) invalid(param, `must be at most ${max} characters, got ${value.length}.`);
}

function checkFileIds(ids: unknown, min: number): void {
  if (!Array.isArray(ids)) invalid("file_ids", "must be an array of file ids.");
  if (ids.length < min) invalid("file_ids", "must not be empty.");
  if (ids.length > MAX_BATCH_FILES)
    invalid("file_ids", `may hold at most ${MAX_BATCH_FILES} ids, got ${ids.length}: use several batches.`);
  for (const [i, id] of ids.entries()) checkText(id, `file_ids[${i}]`);
}

/** Checks a chunking strategy: `auto`, or `static` with an overlap of at most half the chunk. */
export function checkChunking(strategy: unknown): void {
  if (strategy == null) return;
  const param = "chunking_strategy";
  if (!isObject(strategy)) invalid(param, 'must be { type: "auto" } or { type: "static", static: {…} }.');
  checkOneOf(strategy.type, `${param}.type`, ["auto", "static"]);
  if (strategy.type !== "static") return;
  const sizes = strategy.static;
  if (!isObject(sizes))
    invalid(`${param}.static`, "must give max_chunk_size_tokens and chunk_overlap_tokens.");
  const max = sizes.max_chunk_size_tokens;
  const overlap = sizes.chunk_overlap_tokens;
  if (max == null) invalid(`${param}.static.max_chunk_size_tokens`, "is required.");
  if (overlap == null) invalid(`${param}.static.chunk_overlap_tokens`, "is required.");
  checkInteger(max, `${param}.static.max_chunk_size_tokens`, 100, 4096);
  checkInteger(overlap, `${param}.static.chunk_overlap_tokens`, 0);
  if ((overlap as number) > (max as number) / 2)
    invalid(
      `${param}.static.chunk_overlap_tokens`,
      `must be at most half of max_chunk_size_tokens (${max}), got ${overlap}.`,
    );
}

/** Checks a search request, its filters included. */
export function checkSearch(request: VectorStoreSearchRequest): void {
  checkRequest(request, '{ query: "…" }');
  const { query } = request;
  if (Array.isArray(query)) {
    if (query.length === 0) invalid("query", "must not be an empty list.");
    for (const [i, q] of query.entries()) checkText(q, `query[${i}]`);
  } else checkText(query, "query");
  checkInteger(request.max_num_results, "max_num_results", 1, 50);
  checkNumber(request.ranking_options?.score_threshold, "ranking_options.score_threshold", 0, 1);
  if (request.rewrite_query != null && typeof request.rewrite_query !== "boolean")
    invalid("rewrite_query", "must be a boolean.");
  if (request.filters != null) checkFilter(request.filters, "filters");
}

/** Checks a filter tree: known operators, a key and a string, number or boolean value. */
export function checkFilter(filter: unknown, param: string): void {
  if (!isObject(filter)) invalid(param, "must be a comparison or an and/or filter object.");
  const type = filter.type;
  if (type === "and" || type === "or") {
    if (!Array.isArray(filter.filters)) invalid(`${param}.filters`, "must be an array of filters.");
    for (const [i, f] of filter.filters.entries()) checkFilter(f, `${param}.filters[${i}]`);
    return;
  }
  checkOneOf(type, `${param}.type`, [...COMPARISONS, "and", "or"]);
  if (type == null) invalid(`${param}.type`, "is required.");
  checkText(filter.key, `${param}.key`);
  const value = filter.value;
  if (
    typeof value !== "string" &&
    typeof value !== "boolean" &&
    !(typeof value === "number" && Number.isFinite(value))
  )
    invalid(`${param}.value`, "must be a string, a finite number or a boolean.");
}

/** Checks a list query. */
export function checkListQuery(query: VectorStoreFileListQuery): void {
  if (!isObject(query)) invalid("query", "must be an object such as { limit: 20 }.");
  checkInteger(query.limit, "limit", 1, 100);
  checkOneOf(query.order, "order", ["asc", "desc"]);
  checkOneOf(query.filter, "filter", STATUSES);
  if (query.after != null) checkText(query.after, "after");
  if (query.before != null) checkText(query.before, "before");
}
