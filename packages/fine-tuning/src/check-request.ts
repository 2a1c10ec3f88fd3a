import type { AzureOpenAIClient } from "@aoai/core";
import { checkFields, checkInteger, checkText, invalid } from "@aoai/core/internal";
import { tuning } from "./feature.js";
import type { FineTuningJobCreateRequest, FineTuningListQuery } from "./request-types.js";

const SUFFIX = /^[A-Za-z0-9_-]{1,40}$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Checks a create request before anything is sent; throws `InvalidInputError` naming the field. */
export function checkCreate(client: AzureOpenAIClient, request: FineTuningJobCreateRequest): void {
  if (!isObject(request)) invalid("request", "must be an object such as { model, training_file }.");
  checkText(request.model, "model");
  checkText(request.training_file, "training_file");
  if (request.validation_file != null) checkText(request.validation_file, "validation_file");
  if (request.suffix != null && (typeof request.suffix !== "string" || !SUFFIX.test(request.suffix)))
    invalid("suffix", "must be 1 to 40 characters of a-z, A-Z, 0-9, '-' and '_'.");
  checkInteger(request.seed, "seed", -2_147_483_648, 2_147_483_647);
  const hyper = request.hyperparameters;
  if (hyper != null) {
    if (!isObject(hyper)) invalid("hyperparameters", "must be an object.");
    for (const name of ["n_epochs", "batch_size"])
      if (hyper[name] !== "auto") checkInteger(hyper[name], `hyperparameters.${name}`, 1);
    const rate = hyper.learning_rate_multiplier;
    if (rate != null && rate !== "auto" && !(typeof rate === "number" && rate > 0 && Number.isFinite(rate)))
      invalid(
        "hyperparameters.learning_rate_multiplier",
        `must be "auto" or a number > 0, got ${String(rate)}.`,
      );
  }
  const method = request.method;
  if (method != null && (!isObject(method) || typeof method.type !== "string" || !method.type))
    invalid("method.type", 'is required ("supervised" or "dpo").');
  checkFields(tuning, client, request);
}

/** Checks a list query; throws `InvalidInputError`. */
export function checkListQuery(query: FineTuningListQuery): void {
  if (!isObject(query)) invalid("query", "must be an object such as { limit: 20 }.");
  checkInteger(query.limit, "limit", 1);
  if (query.after != null) checkText(query.after, "after");
}
