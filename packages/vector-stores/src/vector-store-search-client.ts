import type { RequestOptions, WithResponse } from "@aoai/core";
import { ResourceClient } from "@aoai/core";
import type { VectorStoreSearchRequest } from "./request-types.js";
import type { VectorStoreSearchResults } from "./response-types.js";
import { searchStore } from "./search-store.js";

/**
 * Search only: what a frontend that searches a store filled elsewhere needs, without the rest of
 * `VectorStoreClient` in its bundle.
 *
 * ```ts
 * const search = new VectorStoreSearchClient(client);
 * const results = await search.search("vs_abc123", { query: "How many vacation days?" });
 * ```
 */
export class VectorStoreSearchClient extends ResourceClient {
  /** As `VectorStoreClient.search`: the chunks closest to `query`, best first, with scores. */
  async search(
    vectorStoreId: string,
    request: VectorStoreSearchRequest,
    options?: RequestOptions,
  ): Promise<WithResponse<VectorStoreSearchResults>> {
    return searchStore(this, vectorStoreId, request, options);
  }
}
