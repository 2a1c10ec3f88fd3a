import type { ApiVersion } from "./api-versions.js";
import { InvalidInputError } from "./errors/input-errors.js";

// Anything that could leave the path segment: separators, query, fragment, percent-escapes, controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what it must catch
const UNSAFE = /[/\\?#%\u0000-\u001f\u007f]/;

/** Checks a deployment name and escapes it as one path segment. */
export function deploymentSegment(deployment: unknown): string {
  if (typeof deployment !== "string" || deployment.trim() === "") {
    throw new InvalidInputError(
      "deployment must be a non-empty string (the name of your model deployment).",
      "deployment",
    );
  }
  if (deployment === "." || deployment === ".." || UNSAFE.test(deployment) || deployment.length > 256) {
    throw new InvalidInputError(
      `deployment ${JSON.stringify(deployment)} is not a valid deployment name ` +
        "(no '/', '\\', '?', '#', '%', control characters, '.' or '..').",
      "deployment",
    );
  }
  return encodeURIComponent(deployment);
}

/**
 * The URL of an operation. Dated versions use the deployment route with `api-version`; `v1` uses
 * `/openai/v1/{path}` and the deployment travels as `model` in the body (the caller adds it).
 */
export function operationUrl(
  base: string,
  apiVersion: ApiVersion | string,
  path: string,
  deployment: string,
): string {
  const segment = deploymentSegment(deployment);
  if (apiVersion === "v1") return `${base}/openai/v1/${path}`;
  return `${base}/openai/deployments/${segment}/${path}?api-version=${encodeURIComponent(apiVersion)}`;
}
