import { API_VERSIONS, type ApiVersion, isApiVersion } from "./api-versions.js";
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
  if (
    versions &&
    isApiVersion(version) &&
    !versions.includes(version) &&
    connectionOf(client).versionChecks
  ) {
    throw new UnsupportedApiVersionError(feature, version, versions);
  }
}
