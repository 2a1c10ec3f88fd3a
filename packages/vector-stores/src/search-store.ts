import type { RequestOptions, WithResponse } from "@aoai/core";
import { call, json, type Target } from "@aoai/core/internal";
import { checkSearch } from "./check-request.js";
import { vectorStores } from "./feature.js";
import type { VectorStoreSearchRequest } from "./request-types.js";
import type { VectorStoreSearchResults } from "./response-types.js";
import { STORE } from "./routes.js";

/** `POST vector_stores/{id}/search`, checked first: both clients' `search`. */
export function searchStore(
  on: Target,
  vectorStoreId: string,
  request: VectorStoreSearchRequest,
  options: RequestOptions | undefined,
): Promise<WithResponse<VectorStoreSearchResults>> {
  checkSearch(request);
  const params = { vector_store_id: vectorStoreId };
  return call(
    vectorStores,
    on,
    `${STORE}/search`,
    { params, body: request },
    options,
    json<VectorStoreSearchResults>(),
  );
}
