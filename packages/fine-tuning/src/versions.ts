import type { ApiVersion } from "@aoai/core";
import { versionTable } from "@aoai/core/internal";

/**
 * The API versions of the fine-tuning operations and versioned fields, as `name@rule` rows (the
 * rule grammar is core's `versionsFrom`). The committed specs (specs/) are the inference specs,
 * which have no fine-tuning routes; the evidence is Azure's authoring specs,
 * specification/cognitiveservices/data-plane/AzureOpenAI/authoring/…:
 * - `fine_tuning/jobs` (create, list, retrieve, cancel, events, checkpoints): in
 *   stable/2024-06-01, stable/2024-10-21, every preview since and the v1 API;
 * - `pause`, `resume`: `/fine_tuning/jobs/{id}/pause|resume` are in preview/2025-04-01-preview
 *   and in neither stable version;
 * - `method`, `integrations`: in preview/2025-04-01-preview's `FineTuningJobCreation`, not in
 *   either stable version's.
 * The earliest preview with pause, resume, method and integrations is not known, so no preview
 * is refused them.
 */
export const versions: (name: string) => readonly ApiVersion[] | undefined = /* @__PURE__ */ versionTable(
  "fine_tuning/jobs@*,pause@2024-08,resume@2024-08,method@2024-08,integrations@2024-08",
);

/** Create-request fields whose presence is checked against {@link versions}. */
export const VERSIONED_FIELDS: readonly string[] = ["method", "integrations"];
