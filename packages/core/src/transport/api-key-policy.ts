import type { KeyCredential } from "@azure/core-auth";
import type { PipelinePolicy } from "@azure/core-rest-pipeline";

/** Sends the key as Azure's `api-key` header, read per attempt so a rotated key takes effect. */
export function apiKeyPolicy(credential: KeyCredential): PipelinePolicy {
  return {
    name: "aoaiApiKey",
    sendRequest(request, next) {
      request.headers.set("api-key", credential.key);
      return next(request);
    },
  };
}
