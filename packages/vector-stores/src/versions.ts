import type { ApiVersion } from "@aoai/core";
import { versionTable } from "@aoai/core/internal";

/**
 * The API versions of the vector store operations and of each versioned field, as `name@rule`
 * rows (the rule grammar is core's `versionsFrom`). Evidence, checked by versions.test.ts:
 * - `vector_stores` (every operation: stores, files, file batches, search): in
 *   preview/2025-04-01-preview's inference spec (specs/), not in stable/2024-10-21's; Azure has
 *   served them since the assistants v2 previews (2024-05-01-preview), so no preview this SDK
 *   knows is refused; on the v1 API (GA). Search, attributes and parsed content came later to
 *   OpenAI's API, but the earliest Azure preview with them is not known, so no preview is refused.
 * - `attributes` when adding a file or a file batch: not in 2025-04-01-preview's
 *   `createVectorStoreFileRequest` / `createVectorStoreFileBatchRequest` (both close their
 *   properties), which is the latest dated version; the v1 API has it. Updating attributes later
 *   (`updateFile`) is in 2025-04-01-preview and is not gated.
 */
export const versions: (name: string) => readonly ApiVersion[] | undefined = /* @__PURE__ */ versionTable(
  "vector_stores@2024-08,attributes@2025-05",
);
