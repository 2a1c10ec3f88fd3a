import type { IncomingMessage, ServerResponse } from "node:http";
import { EmulatorHttpError } from "../errors.js";
import type { FaultInjector } from "../faults.js";
import type { Reply } from "../reply.js";
import { sendReply } from "../respond.js";
import { checkRouteBody } from "../validation/validate-request.js";
import { batchesRoute } from "./batches.js";
import type { ResourceRequest } from "./context.js";
import { filesRoute } from "./files.js";
import { fineTuningRoute } from "./fine-tuning.js";
import type { ResourceRoute } from "./route.js";
import type { ResourceStore } from "./store.js";
import { vectorStoresRoute } from "./vector-stores.js";

/** What the emulator-wide state lends a resource request. */
export interface ResourceState {
  resources: ResourceStore;
  faults: FaultInjector;
  baseUrl: () => string;
}

/**
 * Answers a files, batches or fine-tuning request. The fault header and queued faults apply as on
 * every route, scoped by the route's template (`operation: "files/{file_id}/content"`).
 */
export async function serveResource(
  req: IncomingMessage,
  res: ServerResponse,
  route: ResourceRoute,
  raw: Buffer,
  multipart: boolean,
  state: ResourceState,
): Promise<void> {
  const faultHeader = req.headers["x-aoai-emulator-fault"];
  const fault = state.faults.take(route.operation, Array.isArray(faultHeader) ? faultHeader[0] : faultHeader);
  const request: ResourceRequest = {
    method: req.method ?? "GET",
    route,
    headers: req.headers,
    raw,
    multipart,
    store: state.resources,
    now: Date.now(),
    baseUrl: state.baseUrl(),
  };
  let reply: Reply;
  try {
    reply = dispatch(request);
  } catch (error) {
    if (!(error instanceof EmulatorHttpError)) throw error;
    reply = { kind: "json", status: error.status, body: error.body, headers: error.headers };
  }
  await sendReply(res, reply, fault, { operation: route.operation, apiVersion: route.apiVersion });
}

function dispatch(req: ResourceRequest): Reply {
  // The body against the spec of its version (vector stores; fine-tuning jobs on v1), before the
  // route looks anything up; the route's own checks follow.
  if (req.method === "POST") checkRouteBody(req.route.operation, req.route.apiVersion, req.raw);
  const family = req.route.operation.split("/", 1)[0];
  if (family === "files") return filesRoute(req);
  if (family === "batches") return batchesRoute(req);
  if (family === "vector_stores") return vectorStoresRoute(req);
  return fineTuningRoute(req);
}
