import type { KeyCredential } from "@azure/core-auth";
import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import { checkSecret } from "../checks.js";

/** Sends the key as Azure's `api-key` header, read per attempt so a rotated key takes effect. */
export function apiKeyPolicy(credential: KeyCredential): PipelinePolicy {
  return {
    name: "aoaiApiKey",
    sendRequest(request, next) {
      const key = credential.key;
      // Read per attempt, so a key rotated to a bad value is caught here, before it is sent.
      checkSecret(key, "apiKey");
      request.headers.set("api-key", key);
      return next(request);
    },
  };
}
