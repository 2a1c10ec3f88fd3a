import { API_VERSIONS, type ApiVersion } from "./api-versions.js";

/**
 * Deployment operations (paths under `/openai/deployments/{deployment}/`) and the API versions
 * that have them. Taken from the official inference specs (`inference.json` of each version): the
 * GA specs 2024-06-01 and 2024-10-21 have no `audio/speech`; `images/edits` first appears in
 * 2025-04-01-preview. The v1 API serves every operation.
 */
const SINCE_ALL: readonly ApiVersion[] = API_VERSIONS;
const PREVIEWS_AND_V1: readonly ApiVersion[] = API_VERSIONS.filter(
  (v) => v.endsWith("-preview") || v === "v1",
);

export const OPERATION_VERSIONS: Readonly<Record<string, readonly ApiVersion[]>> = {
  completions: SINCE_ALL,
  embeddings: SINCE_ALL,
  "chat/completions": SINCE_ALL,
  "audio/transcriptions": SINCE_ALL,
  "audio/translations": SINCE_ALL,
  "images/generations": SINCE_ALL,
  "audio/speech": PREVIEWS_AND_V1,
  "images/edits": ["2025-04-01-preview", "v1"],
};

/**
 * The API versions that have `operation`, or `undefined` for an operation the table does not know
 * (a feature package may declare its own list for those).
 */
export function versionsFor(operation: string): readonly ApiVersion[] | undefined {
  return OPERATION_VERSIONS[operation];
}
