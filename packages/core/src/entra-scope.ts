import { InvalidInputError } from "./errors/input-errors.js";

/**
 * The Entra scope a credential is asked for: `<audience>/.default` when an audience is given, else
 * the one the endpoint's host takes. Foundry resources (`*.services.ai.azure.com`) are documented
 * with `https://ai.azure.com`, and their project routes take no other audience; the Azure OpenAI
 * hosts take the Cognitive Services audience their 401 names (they also take ai.azure.com, which
 * Microsoft's v1 samples ask for); Azure Government and Azure China hosts (`*.azure.us`,
 * `*.azure.cn`) their cloud's Cognitive Services audience. Any other host (a gateway, a custom
 * domain) gets the public cloud's.
 */
export function entraScope(endpoint: string, audience?: string): string {
  const host = new URL(endpoint).hostname;
  const resource =
    audience ??
    (/\.services\.ai\.azure\.com$/i.test(host)
      ? "https://ai.azure.com"
      : `https://cognitiveservices.azure.${/\.azure\.(us|cn)$/i.exec(host)?.[1]?.toLowerCase() ?? "com"}`);
  return `${resource.replace(/\/+$/, "")}/.default`;
}

/** Checks `audience`: an https origin such as `https://cognitiveservices.azure.us`. */
export function checkAudience(audience: unknown): string {
  if (typeof audience !== "string" || !/^https:\/\/[^/\s]+\/?$/i.test(audience))
    throw new InvalidInputError(
      "audience must be an https origin, e.g. https://cognitiveservices.azure.us.",
      "audience",
    );
  return audience;
}
