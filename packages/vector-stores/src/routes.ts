import { lasting } from "@aoai/core/internal";

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
