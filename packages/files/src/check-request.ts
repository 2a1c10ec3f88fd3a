import type { AzureOpenAIClient } from "@aoai/core";
import { checkGate, checkInteger, checkOneOf, checkText, invalid } from "@aoai/core/internal";
import { files } from "./feature.js";
import type { FileListQuery, FileUploadRequest } from "./request-types.js";

/** The service's range of `expires_after.seconds`: 14 to 30 days. */
const EXPIRY_SECONDS = [1_209_600, 2_592_000] as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Checks an upload before anything is sent; throws `InvalidInputError` naming the field. */
export function checkUpload(client: AzureOpenAIClient, request: FileUploadRequest): void {
  if (!isObject(request)) invalid("request", 'must be an object such as { file, purpose: "batch" }.');
  if (request.file == null) invalid("file", "is required.");
  checkText(request.purpose, "purpose");
  const expiry = request.expires_after;
  if (expiry == null) return;
  checkGate(files, client, "expires_after");
  if (!isObject(expiry)) invalid("expires_after", "must be an object { anchor, seconds }.");
  checkOneOf(expiry.anchor, "expires_after.anchor", ["created_at"]);
  if (expiry.anchor == null) invalid("expires_after.anchor", 'is required ("created_at").');
  if (expiry.seconds == null) invalid("expires_after.seconds", "is required.");
  checkInteger(expiry.seconds, "expires_after.seconds", ...EXPIRY_SECONDS);
}

/** Checks a list query; throws `InvalidInputError`. */
export function checkListQuery(query: FileListQuery): void {
  if (!isObject(query)) invalid("query", 'must be an object such as { purpose: "batch" }.');
  checkInteger(query.limit, "limit", 1, 10_000);
  checkOneOf(query.order, "order", ["asc", "desc"]);
  if (query.after != null) checkText(query.after, "after");
  if (query.purpose != null) checkText(query.purpose, "purpose");
}
