import type { AzureOpenAIClient, RequestOptions, WithResponse } from "@aoai/core";
import { json, type LastingCreate, lasting, send } from "@aoai/core/internal";
import { checkListQuery } from "./check-request.js";
import { type Page, PagePromise } from "./frame.js";
import type { VectorStoreFileListQuery } from "./request-types.js";
import { VERSION } from "./version.js";
import { versions } from "./versions.js";

const USER_AGENT = `aoai-vector-stores/${VERSION}`;

/** The path of a store; files and file batches are under it. */
export const STORE = "vector_stores/{vector_store_id}";

/** A store create is not resent after a failure that may have made it (an orphan store). */
export const STORE_CREATE = /* @__PURE__ */ lasting({
  what: "vector store",
  check: "VectorStoreClient.list()",
});

/** A file batch create is not resent after a failure that may have made it. */
export const BATCH_CREATE = /* @__PURE__ */ lasting({
  what: "file batch",
  check: "VectorStoreClient.retrieveFileBatch()",
});

/** Sends one vector store operation (every one has the same versions) and reads its JSON. */
export function operation<T extends object>(
  client: AzureOpenAIClient,
  path: string,
  method: "GET" | "POST" | "DELETE",
  params: Record<string, string>,
  options: RequestOptions | undefined,
  body?: object,
  query?: Record<string, string | number | undefined>,
  creates?: LastingCreate,
): Promise<WithResponse<T>> {
  return send(
    client,
    {
      path,
      method,
      params,
      query,
      body,
      versions: versions("vector_stores"),
      feature: "vector_stores",
      userAgent: USER_AGENT,
      options,
      creates,
    },
    json<T>(),
  );
}

/** A list operation: awaited for a page, iterated for every item. */
export function listOperation<T extends object>(
  client: AzureOpenAIClient,
  path: string,
  params: Record<string, string>,
  query: VectorStoreFileListQuery,
  options: RequestOptions | undefined,
): PagePromise<T> {
  return new PagePromise<T>((after) => {
    checkListQuery(query);
    return operation<Page<T>>(client, path, "GET", params, options, undefined, {
      ...(query as Record<string, string | number | undefined>),
      after: after ?? query.after,
    });
  });
}
