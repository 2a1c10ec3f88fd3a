/**
 * Azure OpenAI data-plane API versions this SDK knows, oldest first. `v1` is the version-less
 * `/openai/v1` API (no `api-version` query; a deployment goes in the body as `model`); `preview`
 * is the same API with `api-version=preview`, where Azure serves what v1 has only in preview.
 */
export const API_VERSIONS = [
  "2024-06-01",
  "2024-08-01-preview",
  "2024-09-01-preview",
  "2024-10-01-preview",
  "2024-10-21",
  "2024-12-01-preview",
  "2025-01-01-preview",
  "2025-03-01-preview",
  "2025-04-01-preview",
  "v1",
  "preview",
] as const;

/** One of {@link API_VERSIONS}. */
export type ApiVersion = (typeof API_VERSIONS)[number];

/**
 * What a client uses when none is given: the v1 API, which Microsoft recommends, for the operations
 * it serves GA; each other operation goes to its dated GA version (`2024-10-21`), or, where it has
 * none, to the newest dated preview that has it (see `autoVersion`).
 */
export const DEFAULT_API_VERSION: ApiVersion = "v1";

/** The latest dated GA version. */
export const LATEST_DATED_GA: ApiVersion = "2024-10-21";

const known: ReadonlySet<string> = new Set(API_VERSIONS);

/** True when `value` is an API version this SDK knows. */
export function isApiVersion(value: unknown): value is ApiVersion {
  return typeof value === "string" && known.has(value);
}

/** True for the `/openai/v1` API, with or without `api-version=preview`. */
export function isV1(version: string): boolean {
  return version === "v1" || version === "preview";
}
