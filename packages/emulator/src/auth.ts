import type { IncomingHttpHeaders } from "node:http";

/** Which credentials the emulator accepts. */
export interface AuthConfig {
  apiKeys: readonly string[];
  /** `"any"` accepts every non-empty bearer token, as a stand-in for Entra ID. */
  bearerTokens: readonly string[] | "any";
}

/** True when the request carries an accepted `api-key` or `Authorization: Bearer` credential. */
export function isAuthorized(headers: IncomingHttpHeaders, config: AuthConfig): boolean {
  const key = headers["api-key"];
  if (typeof key === "string" && config.apiKeys.includes(key)) return true;
  const authorization = headers.authorization;
  if (typeof authorization !== "string") return false;
  const match = /^Bearer\s+(\S.*)$/i.exec(authorization.trim());
  if (!match) return false;
  const token = match[1]!.trim();
  // Ephemeral keys (client_secrets) open a WebRTC call and nothing else.
  if (token.startsWith("ek_")) return false;
  return config.bearerTokens === "any" ? token.length > 0 : config.bearerTokens.includes(token);
}
