import type { PagePromise, RequestOptions, WaitOptions, WithResponse } from "@aoai/core";
import { type ListQuery, list, pollUntil } from "@aoai/core/internal";
import { checkInclude } from "./check-request.js";
import { responses as feature } from "./feature.js";
import type { ResponseClient, ResponseInputItemsQuery, ResponseInputItemWithId } from "./response-client.js";
import type { ResponseWithText } from "./response-types.js";

/** Statuses a background response is still running in. */
const RUNNING = new Set(["queued", "in_progress"]);

/**
 * The input items of a stored response: `await` it for the first page, or iterate it for every
 * item of every page (`for await (const item of listInputItems(responses, id))`). A function, not
 * a method, so apps that never list carry none of it.
 */
export function listInputItems(
  responses: ResponseClient,
  responseId: string,
  query: ResponseInputItemsQuery = {},
  options?: RequestOptions,
): PagePromise<ResponseInputItemWithId> {
  // The route names no deployment (the v1 API takes it as `model`, and a GET has no body).
  return list<ResponseInputItemWithId, ResponseInputItemsQuery & ListQuery>(
    feature,
    { client: responses.client },
    "responses/{response_id}/input_items",
    query,
    options,
    (q) => checkInclude(responses.client, q.include),
    { response_id: responseId },
  );
}

/**
 * Polls a background response until it is no longer `queued` or `in_progress`, and returns it
 * (completed, incomplete, failed or cancelled: check `status`). `waitTimeout` bounds the wait
 * (`WaitTimeoutError`), `signal` stops it.
 * @default pollInterval 500 ms, growing to 5 s; waitTimeout 1 hour
 */
export function waitForResponse(
  responses: ResponseClient,
  responseId: string,
  options: WaitOptions = {},
): Promise<WithResponse<ResponseWithText>> {
  return pollUntil(
    (poll) => responses.retrieve(responseId, {}, poll),
    (response) => !RUNNING.has(response.status),
    options,
    { what: `Response ${responseId}`, timeoutMs: 3_600_000, pollInterval: 500, maxPollInterval: 5000 },
  );
}
