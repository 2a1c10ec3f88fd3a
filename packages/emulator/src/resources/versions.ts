import { versionTable } from "@aoai/core/internal";

/**
 * The API versions of each resource family (rules as in core's `versionsFrom`), from Azure's
 * authoring specs (specification/cognitiveservices/data-plane/AzureOpenAI/authoring): files and
 * fine-tuning jobs are in every version (stable/2024-06-01 has both); batches first appear in
 * preview/2024-07-01-preview and are in stable/2024-10-21 but not stable/2024-06-01; pause and
 * resume of fine-tuning jobs are in preview/2025-04-01-preview and in neither stable version
 * (the previews between are not gated: the earliest is not known). Vector stores are in
 * preview/2025-04-01-preview's inference spec and on the v1 API, in neither GA version; they came
 * with the assistants v2 previews (2024-05-01-preview), so every preview this SDK knows has them.
 */
export const resourceVersions: (family: string) => readonly string[] | undefined =
  /* @__PURE__ */ versionTable(
    "files@*,batches@2024-07+,fine_tuning@*,fine_tuning/pause@2024-08,vector_stores@2024-08",
  );
