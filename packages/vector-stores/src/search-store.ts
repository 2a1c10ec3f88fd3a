import type { AzureOpenAIClient, RequestOptions, WithResponse } from "@aoai/core";
import { checkSearch } from "./check-request.js";
import { operation, STORE } from "./operation.js";
import type { VectorStoreSearchRequest } from "./request-types.js";
import type { VectorStoreSearchResults } from "./response-types.js";

/** `POST vector_stores/{id}/search`, checked first: both clients' `search`. */
export function searchStore(
  client: AzureOpenAIClient,
  vectorStoreId: string,
  request: VectorStoreSearchRequest,
  options: RequestOptions | undefined,
): Promise<WithResponse<VectorStoreSearchResults>> {
  checkSearch(request);
  return operation(client, `${STORE}/search`, "POST", { vector_store_id: vectorStoreId }, options, request);
}
