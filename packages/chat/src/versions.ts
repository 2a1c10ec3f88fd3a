import { API_VERSIONS, type ApiVersion } from "@aoai/core";

/**
 * Request features and the first API version that has each, as `feature@since`; a trailing `+`
 * means the GA versions from `since` on (2024-10-21) have it too, since GA versions trail the
 * previews. `v1` has everything; 2024-06-01 has none of these. Top-level fields are named as on
 * the wire; nested features as `field value`.
 *
 * Sources: the official inference specs 2024-10-21 and 2025-04-01-preview, and the Azure OpenAI
 * API version notes for the previews between them. Kept as one string to stay small in bundles.
 */
const TABLE =
  "json_schema@2024-08+,max_completion_tokens@2024-09+,parallel_tool_calls@2024-09+," +
  "stream_options@2024-09,elasticsearch@2024-08,pinecone@2024-08," +
  "mongo_db@2024-08,developer@2024-12,reasoning_effort@2024-12,store@2024-12," +
  "metadata@2024-12,input_audio@2025-01,modalities@2025-01,audio@2025-01,prediction@2025-01," +
  "user_security_context@2025-01";

/** Every feature in the table; the ones with no space in their name are top-level fields. */
export const VERSIONED_FEATURES: readonly string[] = /* @__PURE__ */ TABLE.split(",").map(
  (row) => row.split("@")[0]!,
);

/** The known API versions that have `feature`, or undefined for a feature the table lacks. */
export function optionVersions(feature: string): readonly ApiVersion[] | undefined {
  const row = TABLE.split(",").find((r) => r.startsWith(`${feature}@`));
  if (!row) return undefined;
  const ga = row.endsWith("+");
  const from = row.slice(feature.length + 1, ga ? -1 : undefined);
  // Dated versions compare as strings ("2024-10-21" >= "2024-09"); "v1" sorts after them all.
  return API_VERSIONS.filter((v) => v >= from && (ga || v === "v1" || v.endsWith("-preview")));
}
