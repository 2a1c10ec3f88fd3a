import type { IncomingHttpHeaders } from "node:http";
import type { ResourceRoute } from "./route.js";
import type { ResourceStore } from "./store.js";

/** Everything a resource handler needs to answer one request. */
export interface ResourceRequest {
  method: string;
  route: ResourceRoute;
  headers: IncomingHttpHeaders;
  /** The request body as received. */
  raw: Buffer;
  multipart: boolean;
  store: ResourceStore;
  /** The time of the request, ms since the epoch: every status is worked out from it. */
  now: number;
  baseUrl: string;
}
