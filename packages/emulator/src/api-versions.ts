import { API_VERSIONS } from "@aoai/core";

/**
 * Dated `api-version` values the emulator serves: the inference API versions in
 * Azure/azure-rest-api-specs (specification/cognitiveservices/data-plane/AzureOpenAI/inference),
 * plus any @aoai/core knows. The 2022-03-01 and 2022-06-01 previews, from before the first GA
 * version, are left out.
 */
export const DATED_VERSIONS: readonly string[] = [
  ...new Set([
    "2022-12-01",
    "2023-05-15",
    "2024-02-01",
    "2024-06-01",
    "2024-10-21",
    "2023-03-15-preview",
    "2023-06-01-preview",
    "2023-07-01-preview",
    "2023-08-01-preview",
    "2023-09-01-preview",
    "2023-10-01-preview",
    "2023-12-01-preview",
    "2024-02-15-preview",
    "2024-03-01-preview",
    "2024-04-01-preview",
    "2024-05-01-preview",
    "2024-07-01-preview",
    "2024-08-01-preview",
    "2024-09-01-preview",
    "2024-10-01-preview",
    "2024-12-01-preview",
    "2025-01-01-preview",
    "2025-02-01-preview",
    "2025-03-01-preview",
    "2025-04-01-preview",
    ...API_VERSIONS.filter((v) => v !== "v1" && v !== "preview"),
  ]),
].sort();

/**
 * When each operation arrived: the first GA version that has it (none: previews only), the first
 * preview, and whether the v1 API serves it as `v1` or only with `api-version=preview`.
 */
const ARRIVALS: Readonly<Record<string, { ga?: string; preview: string; v1: "v1" | "preview" }>> = {
  "chat/completions": { ga: "2023-05-15", preview: "2023-03-15-preview", v1: "v1" },
  completions: { ga: "2022-12-01", preview: "2023-03-15-preview", v1: "v1" },
  embeddings: { ga: "2022-12-01", preview: "2023-03-15-preview", v1: "v1" },
  "audio/transcriptions": { ga: "2024-02-01", preview: "2023-09-01-preview", v1: "v1" },
  "audio/translations": { ga: "2024-02-01", preview: "2023-09-01-preview", v1: "v1" },
  // DALL-E 3 on the deployment route; earlier previews had DALL-E 2's `images/generations:submit`.
  "images/generations": { ga: "2024-02-01", preview: "2023-12-01-preview", v1: "preview" },
  "audio/speech": { preview: "2024-02-15-preview", v1: "preview" },
  "images/edits": { preview: "2025-04-01-preview", v1: "preview" },
  // At /openai/responses rather than under a deployment (the 2025-04-01-preview spec).
  responses: { preview: "2025-03-01-preview", v1: "v1" },
};

/** The API versions (dated ones, `v1`, `preview`) that have `operation`; undefined for an unknown one. */
export function operationVersions(operation: string): readonly string[] | undefined {
  const arrival = ARRIVALS[operation];
  if (!arrival) return undefined;
  const dated = DATED_VERSIONS.filter((v) =>
    v.endsWith("-preview") ? v >= arrival.preview : arrival.ga !== undefined && v >= arrival.ga,
  );
  return [...dated, ...(arrival.v1 === "v1" ? ["v1"] : []), "preview"];
}
