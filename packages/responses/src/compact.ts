import type { RequestOptions, WithResponse } from "@aoai/core";
import { call, json } from "@aoai/core/internal";
import { responses as feature } from "./feature.js";
import type { ResponseInputItem } from "./request-types.js";
import type { ResponseClient } from "./response-client.js";
import type { ResponseCompaction } from "./response-types.js";

/** The body of the compaction endpoint. */
export interface ResponseCompactRequest {
  input?: string | ResponseInputItem[];
  previous_response_id?: string | null;
  instructions?: string | null;
}

/**
 * Compacts a conversation into opaque items (`POST /openai/v1/responses/compact`, v1 API only):
 * pass its `output` as the next request's input in place of the items it replaces. Microsoft's
 * Foundry REST reference documents this endpoint; the Azure OpenAI Responses how-to and the dated
 * specs do not.
 */
export async function compactResponse(
  responses: ResponseClient,
  request: ResponseCompactRequest,
  options?: RequestOptions,
): Promise<WithResponse<ResponseCompaction>> {
  const body = { ...request, model: responses.deployment };
  const parts = { body, gate: "responses/compact" };
  return call(
    feature,
    { client: responses.client },
    "responses/compact",
    parts,
    options,
    json<ResponseCompaction>(),
  );
}
