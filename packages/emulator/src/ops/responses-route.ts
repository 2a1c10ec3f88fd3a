import { operationVersions } from "../api-versions.js";
import { notFound } from "../errors.js";
import { pathVersion } from "../router.js";

/** A Responses API request: which operation, its path params, and the API version. */
export interface ResponsesRoute {
  /** The path template, e.g. `responses/{response_id}`: the fault scope's `operation`. */
  operation: string;
  responseId: string | undefined;
  /** The dated `api-version`, or `v1` / `preview`. */
  apiVersion: string;
  query: URLSearchParams;
}

const PATH = /^\/openai\/(v1\/)?responses(?:\/([^/]+))?(?:\/([^/]+))?\/?$/;

// What the dated 2025-04-01-preview spec has; `cancel` and `compact` are v1 only.
const V1_ONLY = new Set(["responses/compact", "responses/{response_id}/cancel"]);

/**
 * The Responses route of a path, or `undefined` when it is not one. `/openai/v1/responses…` takes
 * no api-version (or `preview`); `/openai/responses…` needs a dated one that has the operation,
 * else 404 as Azure answers.
 */
export function matchResponses(pathname: string, query: URLSearchParams): ResponsesRoute | undefined {
  const m = PATH.exec(pathname);
  if (!m) return undefined;
  const v1 = m[1] !== undefined;
  const apiVersion = pathVersion(v1, query.get("api-version"));
  if (!operationVersions("responses")?.includes(apiVersion)) throw notFound();
  const [, , first, second] = m;
  let operation: string;
  let responseId: string | undefined;
  if (first === undefined) operation = "responses";
  else if (first === "compact" && second === undefined) operation = "responses/compact";
  else {
    responseId = safeDecode(first);
    if (second === undefined) operation = "responses/{response_id}";
    else if (second === "input_items" || second === "cancel") operation = `responses/{response_id}/${second}`;
    else throw notFound();
  }
  if (!v1 && V1_ONLY.has(operation)) throw notFound();
  return { operation, responseId, apiVersion, query };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw notFound();
  }
}
