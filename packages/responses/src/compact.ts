import type { RequestOptions, WithResponse } from "@aoai/core";
import { json, send } from "@aoai/core/internal";
import type { ResponseInputItem } from "./request-types.js";
import type { ResponseClient } from "./response-client.js";
import type { ResponseCompaction } from "./response-types.js";
import { VERSION } from "./version.js";
import { versions } from "./versions.js";

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
  return send(
    responses.client,
    {
      path: "responses/compact",
      body: { ...request, model: responses.deployment },
      versions: versions("responses/compact"),
      feature: "responses/compact",
      userAgent: `aoai-responses/${VERSION}`,
      options,
    },
    json<ResponseCompaction>(),
  );
}
