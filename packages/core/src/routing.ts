import { isV1 } from "./api-versions.js";
import { invalid } from "./checks.js";
import { connectionOf } from "./connection.js";

// Anything that could leave the path segment: separators, query, fragment, percent-escapes, controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what it must catch
const UNSAFE = /[/\\?#%\u0000-\u001f\u007f]/;

/** Where an operation goes: a deployment's operation, or a resource's (files, batches…). */
export interface Route {
  /**
   * The operation's path: under the deployment (`chat/completions`) or under `/openai`
   * (`files/{file_id}/content`); `{name}` placeholders are filled from `params`.
   */
  path: string;
  /** The model deployment, for deployment operations; resource operations have none. */
  deployment?: string | undefined;
  /** Values of the path's `{name}` placeholders, each escaped as one path segment. */
  params?: Readonly<Record<string, string>> | undefined;
  /** Query parameters; `undefined` and `null` ones are left out, a list repeats its name. */
  query?:
    | Readonly<Record<string, string | number | boolean | readonly string[] | undefined | null>>
    | undefined;
}

const NO_CLIENT = Symbol("no client");

/**
 * Checks a deployment name (constructors call it, so a bad one fails early) and returns it. Given
 * the constructor's client too, checks it first: `new AudioClient("whisper")` (the client
 * forgotten) is told so in words, not as an undefined deployment.
 */
export function checkDeployment(deployment: unknown, client: unknown = NO_CLIENT): string {
  if (client !== NO_CLIENT) {
    if (typeof client === "string" && deployment === undefined)
      invalid(
        "client",
        `is missing: "${client}" is where the AzureOpenAIClient goes; pass (client, "${client}").`,
      );
    connectionOf(client as object);
  }
  if (deployment === undefined) invalid("deployment", 'is missing: pass (client, "my-deployment").');
  if (
    typeof deployment !== "string" ||
    !deployment.trim() ||
    deployment === "." ||
    deployment === ".." ||
    UNSAFE.test(deployment) ||
    deployment.length > 256
  ) {
    invalid(
      "deployment",
      `${JSON.stringify(deployment)} is not a deployment name (no / \\ ? # % or control characters).`,
    );
  }
  return deployment;
}

/** Checks a feature client's constructor argument: an `AzureOpenAIClient`, so a call cannot fail on it later. */
export function checkClient(client: unknown): void {
  connectionOf(client as object);
}

function idSegment(value: unknown, param: string): string {
  if (typeof value !== "string" || value === "" || value === "." || value === "..")
    invalid(param, `is not an id: ${JSON.stringify(value)}.`);
  return encodeURIComponent(value);
}

/**
 * The URL of an operation. Dated versions: `/openai/deployments/{deployment}/{path}` or
 * `/openai/{path}`, with `api-version`. `v1`: `/openai/v1/{path}` with no `api-version` (the
 * deployment goes in the body as `model`); `preview`: the same with `api-version=preview`.
 */
export function routeUrl(base: string, apiVersion: string, route: Route): string {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => idSegment(route.params?.[name], name));
  const deployment = route.deployment === undefined ? undefined : checkDeployment(route.deployment);
  const under = isV1(apiVersion)
    ? "v1/"
    : deployment === undefined
      ? ""
      : `deployments/${encodeURIComponent(deployment)}/`;
  const url = `${base}/openai/${under}${path}`;
  let query = apiVersion === "v1" ? "" : `api-version=${encodeURIComponent(apiVersion)}`;
  for (const [name, value] of Object.entries(route.query ?? {})) {
    if (value == null) continue;
    for (const one of [value].flat())
      query += `${query ? "&" : ""}${encodeURIComponent(name)}=${encodeURIComponent(String(one))}`;
  }
  return query ? `${url}?${query}` : url;
}
