import type { ApiVersion } from "@aoai/core";
import { versionTable } from "@aoai/core/internal";

/**
 * The API versions of the files operations and of each versioned option, as `name@rule` rows (the
 * rule grammar is core's `versionsFrom`). The committed specs (specs/) are the inference specs,
 * which have no files routes; the evidence is Azure's authoring specs,
 * specification/cognitiveservices/data-plane/AzureOpenAI/authoring/…:
 * - `files`: upload, list, retrieve, delete and content are in stable/2024-06-01,
 *   stable/2024-10-21 and every preview since, and on the v1 API (`/openai/v1/files`);
 * - `expires_after`: the `expires_after.anchor` / `expires_after.seconds` form fields are in
 *   preview/2025-04-01-preview and in neither stable version; the earliest preview that has them
 *   is not known, so no preview is refused.
 * `limit`, `after` and `order` (preview/2025-04-01-preview) are not gated: they are query
 * parameters an older version ignores, and the list is iterated the same way either way.
 */
export const versions: (name: string) => readonly ApiVersion[] | undefined = /* @__PURE__ */ versionTable(
  "files@*,expires_after@2024-08",
);
