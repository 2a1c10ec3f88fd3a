import type { AbortSignalLike } from "@azure/abort-controller";
import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import { checkSecret } from "../checks.js";

/** Gets a bearer token; called per attempt, so it must cache (see {@link cachedTokenGetter}). */
export type TokenGetter = (signal: AbortSignalLike | undefined) => Promise<string>;

/**
 * Sends `Authorization: Bearer …`. core-rest-pipeline's bearerTokenAuthenticationPolicy refuses
 * every non-https URL, loopback included, which rules out a local emulator; this one leaves the
 * https rule to the endpoint check (which allows plain http only on loopback).
 */
export function bearerPolicy(getToken: TokenGetter): PipelinePolicy {
  return {
    name: "aoaiBearer",
    async sendRequest(request, next) {
      const token = await getToken(request.abortSignal);
      // An empty token would go out as "Bearer " and come back as a puzzling 401.
      checkSecret(token, "credential");
      request.headers.set("authorization", `Bearer ${token}`);
      return next(request);
    },
  };
}
