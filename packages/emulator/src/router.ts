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
    if (apiVersion === null || !DATED.has(apiVersion)) throw notFound();
    if (!operationVersions(operation)?.includes(apiVersion)) throw notFound();
    return { shape: "deployments", operation, deployment, apiVersion };
  }
  const v1 = V1_PATH.exec(pathname);
  if (v1) {
    const operation = v1[1]!;
    if (apiVersion !== null && apiVersion !== "preview" && !V1_VERSION_VALUES.has(apiVersion)) {
      throw new EmulatorHttpError(400, {
        error: { code: "BadRequest", message: "API version not supported" },
      });
    }
    const version = apiVersion === "preview" ? "preview" : "v1";
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
