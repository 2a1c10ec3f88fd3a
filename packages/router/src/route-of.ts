import type { ResponseInfo } from "@aoai/core";

/** Response header naming the target that served a call. */
export const ROUTE_TARGET_HEADER = "x-aoai-router-target";
/** Response header listing what was tried before, `name=outcome` pairs (`429`, `503`, `ECONNREFUSED`, `cut`…). */
export const ROUTE_TRIED_HEADER = "x-aoai-router-tried";

/** Where a routed call went, read from its `_response`. */
export interface RouteInfo {
  /** The target that answered (its `name`). */
  target: string;
  /** What was tried before, in order. */
  tried: { target: string; outcome: string }[];
  /** The deployment that served it, as the service says (`x-ms-deployment-name`), when it says. */
  deployment: string | undefined;
  /** With Azure spillover, the deployment the call spilled from (`x-ms-spillover-from-deployment`). */
  spilledFrom: string | undefined;
}

/**
 * The route of a result, or of an `APIError`, of a call made through an `AzureOpenAIRouter`;
 * undefined for any other.
 */
export function routeOf(
  source: { readonly _response: ResponseInfo } | { readonly headers: Readonly<Record<string, string>> },
): RouteInfo | undefined {
  const headers =
    "_response" in source
      ? source._response.headers
      : { get: (name: string) => source.headers[name] as string | undefined };
  const target = headers.get(ROUTE_TARGET_HEADER);
  if (target === undefined) return undefined;
  const tried = (headers.get(ROUTE_TRIED_HEADER) ?? "")
    .split(", ")
    .filter(Boolean)
    .map((pair) => {
      const at = pair.lastIndexOf("=");
      return { target: pair.slice(0, at), outcome: pair.slice(at + 1) };
    });
  return {
    target,
    tried,
    deployment: headers.get("x-ms-deployment-name"),
    spilledFrom: headers.get("x-ms-spillover-from-deployment"),
  };
}
