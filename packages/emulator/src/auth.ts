import type { IncomingHttpHeaders } from "node:http";
import { type EmulatorHttpError, invalidToken, missingKey, unauthorized } from "./errors.js";

/** Which credentials the emulator accepts. */
export interface AuthConfig {
  apiKeys: readonly string[];
  /** `"any"` accepts every non-empty bearer token, as a stand-in for Entra ID. */
  bearerTokens: readonly string[] | "any";
}

/**
 * The 401 Azure gives a request's credentials, or undefined when they are accepted: no `api-key`
 * (or an empty one) and no `Authorization` is a missing key, answered by the gateway in its own
 * shape; a wrong key is "invalid subscription key"; a bearer token that is not accepted (or an
 * `Authorization` that is not a bearer token) is "Access token is missing, invalid…".
 */
export function authError(headers: IncomingHttpHeaders, config: AuthConfig): EmulatorHttpError | undefined {
  const key = headers["api-key"];
  if (typeof key === "string" && key !== "") return config.apiKeys.includes(key) ? undefined : unauthorized();
  const authorization = headers.authorization;
  if (typeof authorization !== "string" || authorization.trim() === "") return missingKey();
  const token = /^Bearer\s+(\S.*)$/i.exec(authorization.trim())?.[1]?.trim();
  if (!token) return invalidToken();
  // Ephemeral keys (client_secrets) open a WebRTC call and nothing else.
  if (token.startsWith("ek_")) return invalidToken();
  const accepted = config.bearerTokens === "any" ? true : config.bearerTokens.includes(token);
  return accepted ? undefined : invalidToken();
}
