import { DEFAULT_SCOPE } from "./defaults.js";
import { InvalidInputError } from "./errors/input-errors.js";

// Host suffix -> the Entra resource whose token the host takes. Foundry resources
// (*.services.ai.azure.com) are documented with https://ai.azure.com, and their project routes take
// no other audience; the Azure OpenAI hosts take the Cognitive Services audience their 401 names
// (they also take ai.azure.com, the audience Microsoft's v1 samples ask for). Sovereign clouds have
// their own Cognitive Services audience.
const AUDIENCES: readonly (readonly [suffix: string, audience: string])[] = [
  [".services.ai.azure.com", "https://ai.azure.com"],
  [".azure.us", "https://cognitiveservices.azure.us"],
  [".azure.cn", "https://cognitiveservices.azure.cn"],
];

/**
 * The Entra scope a credential is asked for: `<audience>/.default` when an audience is given, else
 * the one the endpoint's host takes. A host this table does not know (a gateway, a custom domain)
 * gets the public cloud's Cognitive Services scope.
 */
export function entraScope(endpoint: string, audience?: string): string {
  if (audience !== undefined) return `${audience.replace(/\/+$/, "")}/.default`;
  const host = new URL(endpoint).hostname.toLowerCase();
  for (const [suffix, resource] of AUDIENCES) if (host.endsWith(suffix)) return `${resource}/.default`;
  return DEFAULT_SCOPE;
}

/** Checks `audience` (an absolute https URL such as `https://cognitiveservices.azure.us`). */
export function checkAudience(audience: unknown): string {
  if (typeof audience !== "string" || !/^https:\/\/[^/\s]+\/?$/i.test(audience))
    throw new InvalidInputError(
      `audience must be an https URL such as https://cognitiveservices.azure.us, got ${JSON.stringify(audience)}.`,
      "audience",
    );
  return audience;
}
