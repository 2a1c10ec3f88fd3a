import type { IncomingMessage } from "node:http";
import { API_VERSIONS } from "@aoai/core";
import { type AuthConfig, authError } from "../auth.js";
import { ACCESS_DENIED_MESSAGE, EmulatorHttpError, notFound } from "../errors.js";
import type { Dialect } from "./names.js";

/** Azure's 401 for a bearer token it refuses. */
export const TOKEN_DENIED_MESSAGE =
  "Unauthorized. Access token is missing, invalid, audience is incorrect (https://cognitiveservices.azure.com), or have expired.";

/** The audiences Azure OpenAI accepts in an Entra token. */
const AUDIENCES: ReadonlySet<string> = new Set([
  "https://cognitiveservices.azure.com",
  "https://cognitiveservices.azure.com/",
  "https://ai.azure.com",
]);

/** A realtime WebSocket's route, checked. */
export interface SocketRoute {
  dialect: Dialect;
  deployment: string;
  apiVersion: string | undefined;
}

const PREVIEWS = API_VERSIONS.filter((v) => v.endsWith("-preview") && v >= "2024-10-01-preview");

function denied(message: string): EmulatorHttpError {
  return new EmulatorHttpError(401, { error: { code: "401", message } });
}

/**
 * The GA route `/openai/v1/realtime?model=…` (an api-version there gets 401, as on Azure) or the
 * preview route `/openai/realtime?api-version=…&deployment=…`; then the credential: `api-key` header
 * or query parameter, or a bearer token (a JWT's `aud` must be Azure OpenAI's).
 */
export function checkSocket(req: IncomingMessage, url: URL, auth: AuthConfig): SocketRoute {
  const query = url.searchParams;
  const path = url.pathname.replace(/\/+$/, "");
  let route: SocketRoute;
  if (path === "/openai/v1/realtime") {
    if (query.has("api-version"))
      throw denied(
        "The GA realtime endpoint /openai/v1/realtime does not take an api-version query parameter; remove it, or use /openai/realtime for preview versions.",
      );
    const model = query.get("model");
    if (!model)
      throw new EmulatorHttpError(400, {
        error: {
          code: "missing_required_parameter",
          message: "Missing required parameter: 'model'.",
          param: "model",
          type: "invalid_request_error",
        },
      });
    route = { dialect: "ga", deployment: model, apiVersion: undefined };
  } else if (path === "/openai/realtime") {
    const version = query.get("api-version");
    const deployment = query.get("deployment");
    if (!version || !(PREVIEWS as string[]).includes(version) || !deployment) throw notFound();
    route = { dialect: "preview", deployment, apiVersion: version };
  } else {
    throw notFound();
  }
  checkCredential(req, query.get("api-key"), auth);
  return route;
}

/** Refuses a request without an accepted credential, saying why as Azure does. */
export function checkCredential(req: IncomingMessage, queryKey: string | null, auth: AuthConfig): void {
  if (queryKey !== null) {
    if (auth.apiKeys.includes(queryKey)) return;
    throw denied(ACCESS_DENIED_MESSAGE);
  }
  const token = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? "").trim())?.[1];
  if (token && !audienceOk(token)) throw denied(TOKEN_DENIED_MESSAGE);
  if (authError(req.headers, auth)) throw denied(token ? TOKEN_DENIED_MESSAGE : ACCESS_DENIED_MESSAGE);
}

// A token that is a JWT must name Azure OpenAI as its audience; opaque test tokens pass.
function audienceOk(token: string): boolean {
  const parts = token.split(".");
  if (parts.length !== 3) return true;
  try {
    const claims = JSON.parse(Buffer.from(parts[1]!, "base64url").toString("utf8")) as { aud?: unknown };
    return claims.aud === undefined || AUDIENCES.has(String(claims.aud));
  } catch {
    return true;
  }
}
