import type { AbortSignalLike } from "@azure/abort-controller";
import type { TokenCredential } from "@azure/core-auth";
import { abortError } from "./abort-error.js";
import type { TokenGetter } from "./bearer-policy.js";

/** Refresh this long before expiry, so a token never expires in flight. */
const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * A token getter over a `TokenCredential` that reuses the token until it nears expiry, and lets
 * concurrent requests share one refresh.
 */
export function cachedTokenGetter(credential: TokenCredential, scopes: string | string[]): TokenGetter {
  let token: { value: string; refreshAt: number } | undefined;
  let pending: Promise<string> | undefined;
  return async (signal) => {
    if (token && Date.now() < token.refreshAt) return token.value;
    // The refresh is shared, so no one caller's signal may cancel it; each caller stops waiting
    // on its own abort instead.
    pending ??= credential
      .getToken(scopes)
      .then((t) => {
        // No token: the bearer policy refuses the empty one with a typed error, before sending.
        if (!t) return "";
        const refreshAt = (t.refreshAfterTimestamp ?? t.expiresOnTimestamp - REFRESH_MARGIN_MS) || 0;
        token = { value: t.token, refreshAt };
        return t.token;
      })
      .finally(() => {
        pending = undefined;
      });
    return signal ? untilAborted(pending, signal) : pending;
  };
}

function untilAborted(promise: Promise<string>, signal: AbortSignalLike): Promise<string> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(abortError());
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort);
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
