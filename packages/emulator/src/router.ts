import { DATED_VERSIONS, operationVersions } from "./api-versions.js";
import { EmulatorHttpError, notEmulated, notFound } from "./errors.js";
import { isUnemulatedRoute } from "./not-emulated.js";

/** Which of the two URL shapes a request used. */
type RouteShape = "deployments" | "v1";

/** A data-plane request the emulator will serve. */
export interface Route {
  shape: RouteShape;
  /** Operation path, e.g. `chat/completions` (see `operationVersions`). */
  operation: string;
  /** From the URL for `deployments` routes; v1 routes take it from the body's `model`. */
  deployment: string | undefined;
  /** The `api-version` query value; `v1` for the version-less API, `preview` for its preview. */
  apiVersion: string;
}

// `v1` is not a valid `api-version` value on the deployments route: it names the other URL shape.
const DATED: ReadonlySet<string> = new Set(DATED_VERSIONS);
// The v1 API takes no api-version, or `preview`; Azure also accepts these spellings of "none given".
const V1_VERSION_VALUES: ReadonlySet<string> = new Set(["v1", "latest"]);

/**
 * The API version a resource-style route runs on: on the v1 path (`/openai/v1/…`) `v1`, or
 * `preview` for `api-version=preview`, and a dated value is a 400; elsewhere the dated
 * `api-version`, and a missing or unknown one is Azure's 404.
 */
export function pathVersion(v1: boolean, given: string | null): string {
  if (v1) {
    if (given !== null && given !== "preview" && !V1_VERSION_VALUES.has(given))
      throw new EmulatorHttpError(400, {
        error: { code: "BadRequest", message: "API version not supported" },
      });
    return given === "preview" ? "preview" : "v1";
  }
  if (given === null || !DATED.has(given)) throw notFound();
  return given;
}

const DEPLOYMENT_PATH = /^\/openai\/deployments\/([^/]+)\/(.+?)\/?$/;
const V1_PATH = /^\/openai\/v1\/(.+?)\/?$/;

/**
 * Maps a path and query onto a {@link Route}. Azure answers an unknown path, a missing or unknown
 * `api-version`, and an operation the version lacks all with the same 404 "Resource not found",
 * so this does too; a route Azure has that the emulator does not emulate gets a 404 that says so.
 */
export function resolveRoute(pathname: string, query: URLSearchParams, method = "POST"): Route {
  try {
    return matchRoute(pathname, query);
  } catch (error) {
    if (error instanceof EmulatorHttpError && isUnemulatedRoute(pathname))
      throw notEmulated(method, pathname);
    throw error;
  }
}

function matchRoute(pathname: string, query: URLSearchParams): Route {
  const apiVersion = query.get("api-version");
  const deployments = DEPLOYMENT_PATH.exec(pathname);
  if (deployments) {
    const deployment = safeDecode(deployments[1]!);
    const operation = deployments[2]!;
    const version = pathVersion(false, apiVersion);
    if (!operationVersions(operation)?.includes(version)) throw notFound();
    return { shape: "deployments", operation, deployment, apiVersion: version };
  }
  const v1 = V1_PATH.exec(pathname);
  if (v1) {
    const operation = v1[1]!;
    const version = pathVersion(true, apiVersion);
    if (!operationVersions(operation)?.includes(version)) throw notFound();
    return { shape: "v1", operation, deployment: undefined, apiVersion: version };
  }
  throw notFound();
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw notFound();
  }
}
