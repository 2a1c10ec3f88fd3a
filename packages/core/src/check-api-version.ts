import { API_VERSIONS, type ApiVersion, isApiVersion } from "./api-versions.js";
import { InvalidInputError } from "./errors/input-errors.js";

const DATED_VERSION = /^\d{4}-\d{2}-\d{2}(-preview)?$/;

/**
 * The client's `apiVersion`: a version this SDK knows, or a well-formed dated one it does not
 * (`YYYY-MM-DD` or `YYYY-MM-DD-preview` naming a real day), sent as given since the service may
 * serve versions newer or older than this SDK's table. Refused, with the known versions closest to
 * it: anything else, and a known version's date with `-preview` added or dropped
 * (`2025-04-01`, `2024-10-21-preview`): Azure never publishes one date as both a GA version and a
 * preview, so that is surely a typo the service would answer with a bare 404.
 */
export function checkApiVersion(version: string): ApiVersion | (string & {}) {
  if (isApiVersion(version)) return version;
  if (DATED_VERSION.test(version) && isRealDate(version.slice(0, 10))) {
    const twin = version.endsWith("-preview") ? version.slice(0, -8) : `${version}-preview`;
    if (!isApiVersion(twin)) return version;
    throw new InvalidInputError(
      `apiVersion ${JSON.stringify(version)} is not an API version: did you mean ${JSON.stringify(twin)}? Azure has no date that is both a GA version and a preview.`,
      "apiVersion",
    );
  }
  throw new InvalidInputError(
    `apiVersion ${JSON.stringify(version)} is not an API version; the closest known: ${closest(version)
      .map((v) => JSON.stringify(v))
      .join(
        ", ",
      )}. Known: ${API_VERSIONS.join(", ")}; a dated version the SDK does not know (YYYY-MM-DD or YYYY-MM-DD-preview) is sent as given.`,
    "apiVersion",
  );
}

// "2024-13-45" has the shape of a date but names none: the service would answer 404 for it.
function isRealDate(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
}

/** The known versions at the smallest edit distance from `value` (at most three). */
function closest(value: string): string[] {
  const scored = API_VERSIONS.map((v) => [v, distance(value.trim().toLowerCase(), v)] as const);
  const best = Math.min(...scored.map(([, d]) => d));
  return scored
    .filter(([, d]) => d === best)
    .map(([v]) => v)
    .slice(-3);
}

/** Levenshtein distance. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}
