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

// Every call sends one: each (prefix, feature) pair's is made once. Browsers make it per call
// (user-agent.browser.ts): a cache would cost bundle bytes there for a gain nobody sees.
const made = new Map<string | undefined, Map<string | undefined, string>>();

/** `[prefix ]aoai-core/x.y.z[ feature] runtime`. */
export function userAgent(prefix: string | undefined, feature: string | undefined): string {
  let agents = made.get(prefix);
  if (!agents) {
    agents = new Map();
    made.set(prefix, agents);
  }
  let agent = agents.get(feature);
  if (agent === undefined) {
    agent = [prefix, `aoai-core/${VERSION}`, feature, runtime()].filter(Boolean).join(" ");
    agents.set(feature, agent);
  }
  return agent;
}
