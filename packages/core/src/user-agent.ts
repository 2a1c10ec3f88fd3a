import { VERSION } from "./version.js";

/**
 * The header that carries the SDK's identity: browsers do not let scripts set `User-Agent`, so
 * there it goes as `x-ms-useragent`, as the Azure SDKs do.
 */
export const USER_AGENT_HEADER: string =
  typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === "string"
    ? "user-agent"
    : "x-ms-useragent";

function runtime(): string {
  const proc = (globalThis as { process?: { version?: string; platform?: string; arch?: string } }).process;
  if (proc?.version) return `Node/${proc.version} (${proc.platform}; ${proc.arch})`;
  return "browser";
}

/** `[prefix ]aoai-core/x.y.z[ feature] runtime`. */
export function userAgent(prefix: string | undefined, feature: string | undefined): string {
  return [prefix, `aoai-core/${VERSION}`, feature, runtime()].filter(Boolean).join(" ");
}
