import type { KeyCredential, TokenCredential } from "@azure/core-auth";
import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import { checkSecret } from "./checks.js";
import type { AzureOpenAIClientOptions } from "./client-options.js";
import { checkAudience, entraScope } from "./entra-scope.js";
import { readEnv } from "./env.js";
import { InvalidInputError } from "./errors/input-errors.js";
import { apiKeyPolicy } from "./transport/api-key-policy.js";
import { bearerPolicy } from "./transport/bearer-policy.js";
import { cachedTokenGetter } from "./transport/token-cache.js";

/**
 * The authentication policy for the one credential the options carry. The environment's API key
 * is used only when no credential is given at all, so an explicit Entra credential is never
 * silently joined by a key from the environment.
 */
export function authPolicy(options: AzureOpenAIClientOptions, endpoint: string): PipelinePolicy {
  const given = [options.apiKey, options.credential, options.tokenProvider].filter((c) => c !== undefined);
  if (given.length > 1) {
    throw new InvalidInputError(
      "Pass one of apiKey, credential or tokenProvider, not several.",
      "credential",
    );
  }
  if (options.credential !== undefined) {
    if (!isTokenCredential(options.credential)) {
      throw new InvalidInputError("credential must be a TokenCredential (with getToken).", "credential");
    }
    return bearerPolicy(cachedTokenGetter(options.credential, scopesOf(options, endpoint)));
  }
  if (options.tokenProvider !== undefined) {
    const provider = options.tokenProvider;
    if (typeof provider !== "function") {
      throw new InvalidInputError("tokenProvider must be a function.", "tokenProvider");
    }
    return bearerPolicy(async () => provider());
  }
  const key = options.apiKey ?? readEnv("AZURE_OPENAI_API_KEY");
  if (key === undefined) {
    throw new InvalidInputError(
      "No credential: pass apiKey, credential or tokenProvider, or set AZURE_OPENAI_API_KEY.",
      "credential",
    );
  }
  return apiKeyPolicy(toKeyCredential(key));
}

function scopesOf(options: AzureOpenAIClientOptions, endpoint: string): string | string[] {
  if (options.audience === undefined) return options.scopes ?? entraScope(endpoint);
  if (options.scopes !== undefined)
    throw new InvalidInputError("Pass audience or scopes, not both.", "audience");
  return entraScope(endpoint, checkAudience(options.audience));
}

function toKeyCredential(key: string | KeyCredential): KeyCredential {
  if (typeof key === "string") {
    checkSecret(key, "apiKey");
    return { key };
  }
  if (!isKeyCredential(key))
    throw new InvalidInputError("apiKey must be a string or a KeyCredential.", "apiKey");
  return key;
}

// Duck-typed here: core-auth's guards import @azure/core-util and with it the whole of
// @typespec/ts-http-runtime, 25 ms of a cold import in Node for two one-line checks.
function isTokenCredential(value: unknown): value is TokenCredential {
  return typeof (value as TokenCredential | null)?.getToken === "function";
}

function isKeyCredential(value: unknown): value is KeyCredential {
  return typeof (value as KeyCredential | null)?.key === "string";
}
