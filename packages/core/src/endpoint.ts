import { InvalidInputError } from "./errors/input-errors.js";

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Checks an endpoint and returns its base without a trailing slash. HTTPS is required, except on
 * loopback (a local emulator). A path the user pasted from a docs page (`/openai`, `/openai/v1`) is
 * dropped since routes add it; any other path (an API gateway prefix) is kept.
 */
export function normalizeEndpoint(endpoint: string): string {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new InvalidInputError(
      `endpoint must be an absolute URL such as https://my-resource.openai.azure.com, got ${JSON.stringify(endpoint)}.`,
      "endpoint",
    );
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK.test(url.hostname))) {
    throw new InvalidInputError(
      `endpoint must use https (http only on loopback), got ${url.protocol}//${url.host}.`,
      "endpoint",
    );
  }
  if (url.username || url.password) {
    throw new InvalidInputError("endpoint must not carry credentials.", "endpoint");
  }
  const version = url.searchParams.get("api-version");
  const hint = version ? ` Pass apiVersion: "${version}" as a client option.` : "";
  const path = url.pathname.replace(/\/+$/, "");
  const routed = /^(.*?)\/openai(\/.*)?$/i.exec(path);
  const base = `${url.protocol}//${url.host}${routed ? routed[1] : path}`;
  if (routed?.[2] && !/^\/v1$/i.test(routed[2])) {
    // A URL copied from a request (`…/openai/deployments/whisper/…`): each call adds its own route.
    const deployment = /^\/deployments\/([^/]+)/.exec(routed[2])?.[1];
    throw new InvalidInputError(
      `endpoint path ${url.pathname} would be doubled (each call adds /openai/…): pass "${base}"${deployment ? ` and give the deployment "${decodeURIComponent(deployment)}" to the feature client` : ""}.${hint}`,
      "endpoint",
    );
  }
  if (url.search || url.hash)
    throw new InvalidInputError(`endpoint must not have a query or fragment.${hint}`, "endpoint");
  return base;
}
