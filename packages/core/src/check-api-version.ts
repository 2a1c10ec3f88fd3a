import { API_VERSIONS, type ApiVersion, isApiVersion } from "./api-versions.js";
import { InvalidInputError } from "./errors/input-errors.js";

const DATED_VERSION = /^(\d{4}-\d{2}-\d{2})(-preview)?$/;

/**
 * The client's `apiVersion`: a version this SDK knows, or a well-formed dated one it does not
 * (`YYYY-MM-DD` or `YYYY-MM-DD-preview` naming a real day), sent as given since the service may
 * serve versions newer or older than this SDK's table. Refused, naming the known versions meant:
 * anything else, and a known version's date with `-preview` added or dropped (`2025-04-01`,
 * `2024-10-21-preview`): Azure never publishes one date both as a GA version and as a preview, so
 * that is a typo the service would answer with a bare 404.
 */
export function checkApiVersion(version: string): ApiVersion | (string & {}) {
  if (isApiVersion(version)) return version;
  const dated = DATED_VERSION.exec(version);
  let close: readonly string[] = [];
  if (dated && isRealDate(dated[1]!)) {
    const twin = dated[2] ? dated[1]! : `${version}-preview`;
    if (!isApiVersion(twin)) return version;
    close = [twin];
  } else close = API_VERSIONS.filter((v) => v.startsWith(version.slice(0, 7)));
  throw new InvalidInputError(
    `apiVersion ${JSON.stringify(version)} is not an API version; ${close.length ? `did you mean ${close.map((v) => `"${v}"`).join(" or ")}?` : `known: ${API_VERSIONS.join(", ")}.`}`,
    "apiVersion",
  );
}

// "2024-13-45" has the shape of a date but names none: the service would answer 404 for it.
function isRealDate(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
}
