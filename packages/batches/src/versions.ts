import type { ApiVersion } from "@aoai/core";
import { versionsWith, versionTable } from "@aoai/core/internal";

/**
 * The API versions of the batch operations and of each versioned field, as `name@rule` rows (the
 * rule grammar is core's `versionsFrom`). The committed specs (specs/) are the inference specs,
 * which have no batch routes; the evidence is Azure's authoring specs,
 * specification/cognitiveservices/data-plane/AzureOpenAI/authoring/…:
 * - `batches` (create, retrieve, list, cancel): first in preview/2024-07-01-preview, in
 *   stable/2024-10-21 and every later preview, not in stable/2024-06-01; on the v1 API too;
 * - `input_blob`, `output_folder`, `output_expires_after`: in preview/2025-04-01-preview's
 *   `BatchCreateRequest`, not in stable/2024-10-21's; the earliest preview with them is not known,
 *   so no preview is refused.
 * `endpoint` values are not gated: every spec types `endpoint` as a free string, and whether
 * `/embeddings` is accepted is up to the service and the deployment, not the API version (Azure's
 * batch docs added embeddings in 2025 without a new version).
 */
export const versions: (name: string) => readonly ApiVersion[] | undefined = /* @__PURE__ */ versionTable(
  "batches@2024-07+,input_blob@2024-08,output_folder@2024-08,output_expires_after@2024-08",
);

/** Create-request fields whose presence is checked against {@link versions}. */
export const VERSIONED_FIELDS: readonly string[] = ["input_blob", "output_folder", "output_expires_after"];

/** The versions that have the create operation and every versioned field `request` sets. */
export function sentVersions(request: object): readonly ApiVersion[] | undefined {
  const body = request as Record<string, unknown>;
  return versionsWith(
    versions("batches"),
    ...VERSIONED_FIELDS.map((f) => (body[f] != null ? versions(f) : undefined)),
  );
}
