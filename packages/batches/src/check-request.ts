import type { AzureOpenAIClient } from "@aoai/core";
import { checkFields, checkInteger, checkText, invalid } from "@aoai/core/internal";
import { batches } from "./feature.js";
import type { BatchCreateRequest, BatchListQuery } from "./request-types.js";

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Checks a create request before anything is sent; throws `InvalidInputError` naming the field. */
export function checkCreate(client: AzureOpenAIClient, request: BatchCreateRequest): void {
  if (!isObject(request))
    invalid("request", 'must be an object such as { input_file_id, endpoint: "/chat/completions" }.');
  if (request.input_blob == null) checkText(request.input_file_id, "input_file_id");
  else checkText(request.input_blob, "input_blob");
  checkText(request.endpoint, "endpoint");
  if (request.completion_window != null) checkText(request.completion_window, "completion_window");
  const { metadata } = request;
  if (metadata != null) {
    if (!isObject(metadata)) invalid("metadata", "must be an object of strings.");
    for (const [key, value] of Object.entries(metadata))
      if (typeof value !== "string") invalid(`metadata.${key}`, `must be a string, got ${typeof value}.`);
  }
  checkFields(batches, client, request);
  const folder = request.output_folder;
  if (folder != null && (!isObject(folder) || typeof folder.url !== "string" || !folder.url))
    invalid("output_folder.url", "must be the URL of an Azure Storage folder.");
  const expiry = request.output_expires_after;
  if (expiry != null) {
    if (!isObject(expiry) || expiry.anchor !== "created_at")
      invalid("output_expires_after.anchor", 'must be "created_at".');
    if (expiry.seconds == null) invalid("output_expires_after.seconds", "is required.");
    checkInteger(expiry.seconds, "output_expires_after.seconds", 1_209_600, 2_592_000);
  }
}

/** Checks a list query; throws `InvalidInputError`. */
export function checkListQuery(query: BatchListQuery): void {
  if (!isObject(query)) invalid("query", "must be an object such as { limit: 20 }.");
  checkInteger(query.limit, "limit", 1);
  if (query.after != null) checkText(query.after, "after");
}
