import { API_VERSIONS, type ApiVersion, isApiVersion, LATEST_DATED_GA } from "./api-versions.js";
import type { AzureOpenAIClient } from "./client.js";
import { connectionOf } from "./connection.js";
import { UnsupportedApiVersionError } from "./errors/input-errors.js";

/**
 * The API versions a rule names. A feature package writes one rule per operation or option:
 * - `*`: every version;
 * - `2024-09`: the dated previews from that date on (compared as text), plus `v1` and `preview`;
 * - `2024-09+`: the same, plus the GA versions from that date on (GA versions trail previews);
 * - a trailing `~` (`*~`, `2024-08~`): on the v1 API only with `api-version=preview`, not as `v1`.
 */
export function versionsFrom(rule: string): readonly ApiVersion[] {
  const previewOnV1 = rule.endsWith("~");
  const core = previewOnV1 ? rule.slice(0, -1) : rule;
  const ga = core === "*" || core.endsWith("+");
  const from = core === "*" ? "" : ga ? core.slice(0, -1) : core;
  return API_VERSIONS.filter((v) =>
    v === "preview" ? true : v === "v1" ? !previewOnV1 : v >= from && (ga || v.endsWith("-preview")),
  );
}

/**
 * A lookup over a table of `name@rule` rows joined by commas (one string stays small in bundles):
 * the versions that have `name`, or `undefined` for a name the table lacks.
 */
export function versionTable(table: string): (name: string) => readonly ApiVersion[] | undefined {
  const rows = new Map<string, string>();
  for (const row of table.split(",")) {
    const at = row.lastIndexOf("@");
    rows.set(row.slice(0, at).trim(), row.slice(at + 1).trim());
  }
  const cache = new Map<string, readonly ApiVersion[]>();
  return (name) => {
    const rule = rows.get(name);
    if (rule === undefined) return undefined;
    let versions = cache.get(rule);
    if (!versions) {
      versions = versionsFrom(rule);
      cache.set(rule, versions);
    }
    return versions;
  };
}

/**
 * Throws {@link UnsupportedApiVersionError} when the client's API version is one this SDK knows
 * and `versions` lacks it. A version the SDK does not know, and a client made with
 * `versionChecks: false`, pass: the service judges.
 */
export function checkVersion(
  client: AzureOpenAIClient,
  feature: string,
  versions: readonly ApiVersion[] | undefined,
): void {
  const version = client.apiVersion;
  const connection = connectionOf(client);
  // Without a given version, a call goes to a version that has what it sends (autoVersion).
  if (
    versions &&
    isApiVersion(version) &&
    !versions.includes(version) &&
    connection.versionChecks &&
    !connection.autoVersion
  ) {
    throw new UnsupportedApiVersionError(feature, version, versions);
  }
}

// The operations the v1 API serves GA (Azure's OpenAI.v1 spec, azure-v1-v1-generated): chat,
// embeddings, files, fine-tuning, models, responses and vector stores, by the route's first segment.
const V1_GA = /^(chat|embeddings|files|fine_tuning|models|responses|vector_stores)(\/|$)/;

/**
 * The API version a call is sent with by a client given none: the v1 API when the operation is GA
 * there, else the latest dated GA version if it has the operation, else the newest dated preview
 * that has it. `versions` is the operation's, narrowed by the caller to those that also have every
 * option it sends (`versionsWith`), so the call goes where all of it is served.
 */
export function autoVersion(path: string, versions: readonly ApiVersion[] | undefined): string {
  const has = (version: ApiVersion) => !versions || versions.includes(version);
  return has("v1") && V1_GA.test(path)
    ? "v1"
    : has(LATEST_DATED_GA)
      ? LATEST_DATED_GA
      : (versions!.findLast((v) => v.endsWith("-preview")) ?? versions![0] ?? "preview");
}

/** The versions in `operation` that are also in each of `options` (the options a call sends). */
export function versionsWith(
  operation: readonly ApiVersion[] | undefined,
  ...options: (readonly ApiVersion[] | undefined)[]
): readonly ApiVersion[] | undefined {
  let out = operation;
  for (const option of options) if (out && option) out = out.filter((v) => option.includes(v));
  return out;
}
