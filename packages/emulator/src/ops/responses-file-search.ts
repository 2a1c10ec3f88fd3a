import { EmulatorHttpError, invalidRequest } from "../errors.js";
import type { ResourceStore } from "../resources/store.js";
import { refreshStore, touch } from "../resources/vector-store-lifecycle.js";
import type { VectorStoreRecord } from "../resources/vector-store-record.js";
import { type ChunkHit, rankChunks, searchOptions } from "../resources/vector-store-search.js";

/** Searches the stores a request's `file_search` tool names: the best chunks for the queries. */
export type FileSearcher = (queries: readonly string[]) => ChunkHit[];

/**
 * The searcher of the request's `file_search` tool, or `undefined` without one. The tool is
 * checked when the request arrives, whether or not the model searches: `vector_store_ids` must
 * name stores the emulator holds (404, as for any unknown vector store), and `max_num_results`,
 * `ranking_options` and `filters` are checked and applied as `vector_stores/{id}/search` does
 * (400 naming `tools[i]…`). Searching brings the stores up to `now` (files whose indexing time has
 * come are indexed) and marks them used.
 */
export function fileSearcher(
  tools: readonly Record<string, unknown>[],
  resources: ResourceStore,
  now: number,
): FileSearcher | undefined {
  const index = tools.findIndex((t) => t?.type === "file_search");
  if (index < 0) return undefined;
  const tool = tools[index]!;
  const prefix = `tools[${index}].`;
  const ids = tool.vector_store_ids;
  if (ids === undefined)
    throw invalidRequest(
      `Missing required parameter: '${prefix}vector_store_ids'.`,
      `${prefix}vector_store_ids`,
      "missing_required_parameter",
    );
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== "string"))
    throw invalidRequest(
      `Invalid '${prefix}vector_store_ids': expected an array of vector store ids.`,
      `${prefix}vector_store_ids`,
      "invalid_type",
    );
  const fail = (message: string, param: string) => invalidRequest(message, param, "invalid_value");
  const options = searchOptions(tool, fail, prefix);
  const records = (ids as string[]).map((id) => findStore(resources, id, `${prefix}vector_store_ids`, now));
  return (queries) => {
    for (const record of records) touch(record, now);
    return rankChunks(records, queries, options);
  };
}

function findStore(resources: ResourceStore, id: string, param: string, now: number): VectorStoreRecord {
  const record = resources.vectorStores.get(id);
  if (!record)
    throw new EmulatorHttpError(404, {
      error: {
        code: null,
        message: `Vector store with id '${id}' not found.`,
        param,
        type: "invalid_request_error",
      },
    });
  refreshStore(record, resources, now);
  if (record.store.status === "expired")
    throw invalidRequest(`Vector store with id '${id}' has expired.`, param, "invalid_value");
  return record;
}
