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
  if (url.search || url.hash) {
    throw new InvalidInputError("endpoint must not have a query or fragment.", "endpoint");
  }
  const path = url.pathname.replace(/\/+$/, "").replace(/\/openai(\/v1)?$/i, "");
  return `${url.protocol}//${url.host}${path}`;
}
