import { VERSION } from "./version.js";

// Browsers do not let scripts set `User-Agent`: the SDK's identity goes as `x-ms-useragent`, as
// the Azure SDKs do (user-agent.ts has the Node side).
export const USER_AGENT_HEADER = "x-ms-useragent";

/** `[prefix ]aoai-core/x.y.z[ feature] browser`. */
export function userAgent(prefix: string | undefined, feature: string | undefined): string {
  return [prefix, `aoai-core/${VERSION}`, feature, "browser"].filter(Boolean).join(" ");
}
