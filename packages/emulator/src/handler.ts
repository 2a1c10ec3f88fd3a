import type { IncomingMessage, ServerResponse } from "node:http";
import { authError } from "./auth.js";
import { isMultipart, parseJsonObject, readBody } from "./body.js";
import {
  deploymentNotFound,
  EmulatorHttpError,
  internalError,
  invalidRequest,
  methodNotAllowed,
  notFound,
} from "./errors.js";
import type { FaultInjector } from "./faults.js";
import { sha256Hex, uuidFrom } from "./hash.js";
import { azureHeaders, corsHeaders, setHeaders } from "./headers.js";
import type { ImageStore } from "./image-store.js";
import { modelOf } from "./models.js";
import { serveModels } from "./models-route.js";
import { type MultipartBody, parseMultipart } from "./multipart.js";
import { runOperation, takesMultipart } from "./operations.js";
import { imageFault } from "./ops/image-filter.js";
import { serveResponses } from "./ops/responses.js";
import { matchResponses } from "./ops/responses-route.js";
import type { ResponseStore } from "./ops/responses-store.js";
import type { OpRequest } from "./ops/types.js";
import type { ResolvedOptions } from "./options.js";
import { estimateTokens, type QuotaLimiter } from "./quotas.js";
import type { Reply } from "./reply.js";
import { type RequestLog, redactHeaders } from "./request-log.js";
import { bodyLimit, matchResource } from "./resources/route.js";
import { serveResource } from "./resources/serve.js";
import type { ResourceStore } from "./resources/store.js";
import { sendJson, sendReply } from "./respond.js";
import { resolveRoute } from "./router.js";
import { parseScriptedReplyHeader, type ScriptedReply } from "./scripted-reply.js";
import { validateRequest } from "./validation/validate-request.js";

/** Emulator-wide state one request may read or change. */
export interface HandlerState {
  options: ResolvedOptions;
  faults: FaultInjector;
  scripts: ScriptedReply[];
  log: RequestLog;
  images: ImageStore;
  /** Files, batches and fine-tuning jobs. */
  resources: ResourceStore;
  /** Stored responses of the Responses API. */
  responses: ResponseStore;
  baseUrl: () => string;
  /** Counts requests: the seed of request ids. */
  counter: number;
  window: { minute: number; requests: number; tokens: number };
  /** Enforced per-deployment quotas. */
  quotas: QuotaLimiter;
}

/** Answers one HTTP request. Never throws: every failure becomes an Azure-shaped error response. */
export async function handleRequest(
  req: IncomingMessage,
  res: ServerResponse,
  state: HandlerState,
): Promise<void> {
  try {
    await handle(req, res, state);
  } catch (error) {
    if (res.headersSent || res.destroyed) {
      res.destroy();
      return;
    }
    const e = error instanceof EmulatorHttpError ? error : internalError();
    if (e.status === 413) res.setHeader("connection", "close");
    sendJson(res, e.status, e.body, e.headers);
  }
}

async function handle(req: IncomingMessage, res: ServerResponse, state: HandlerState): Promise<void> {
  setHeaders(res, corsHeaders(req.headers));
  if (req.method === "OPTIONS") {
    res.statusCode = 204;
    res.end();
    return;
  }
  const url = new URL(req.url ?? "/", "http://emulator.invalid");
  if (req.method === "GET" && url.pathname.startsWith("/emulator/images/")) {
    // Logged so tests can check what a client sends to an image URL (no credential should go there).
    record(state, req, url, undefined, false);
    return serveImage(url.pathname, res, state);
  }
  if (req.method === "GET" && url.pathname.startsWith("/emulator/")) return serveInternal(url.pathname, res);

  const requestNumber = ++state.counter;
  setHeaders(res, rateHeaders(state, req, requestNumber));
  const multipart = isMultipart(req.headers["content-type"]);
  const limit = bodyLimit(url.pathname, multipart, state.options);
  let raw: Buffer | undefined;
  try {
    raw = await readBody(req, limit);
  } finally {
    record(state, req, url, raw, multipart);
  }

  const denied = authError(req.headers, state.options);
  if (denied) throw denied;
  const resource = matchResource(url.pathname, url.searchParams);
  if (resource) return serveResource(req, res, resource, raw, multipart, state);
  const responses = matchResponses(url.pathname, url.searchParams);
  if (responses)
    return serveResponses(req, res, responses, raw, {
      responses: state.responses,
      resources: state.resources,
      faults: state.faults,
      deployments: state.options.deployments,
      timeScale: state.options.timeScale,
    });
  if (serveModels(req, res, url, state.options.deployments)) return;
  const route = resolveRoute(url.pathname, url.searchParams, req.method);
  if (req.method !== "POST") throw methodNotAllowed();
  enforceQuota(res, route, raw, multipart, state);
  const faultHeader = header(req, "x-aoai-emulator-fault");
  const fault = imageFault(route.operation, state.faults.take(route.operation, faultHeader));

  let reply: Reply;
  try {
    reply = await buildReply(req, route, raw, multipart, state);
  } catch (error) {
    if (!(error instanceof EmulatorHttpError)) throw error;
    reply = { kind: "json", status: error.status, body: error.body, headers: error.headers };
  }
  await sendReply(res, reply, fault, { operation: route.operation, apiVersion: route.apiVersion });
}

async function buildReply(
  req: IncomingMessage,
  route: ReturnType<typeof resolveRoute>,
  raw: Buffer,
  multipart: boolean,
  state: HandlerState,
): Promise<Reply> {
  // Azure looks the deployment up before it reads the body.
  if (route.deployment !== undefined && modelOf(state.options.deployments, route.deployment) === undefined)
    throw deploymentNotFound();
  let body: Record<string, unknown>;
  let files: OpRequest["files"] = {};
  if (takesMultipart(route.operation)) {
    if (!multipart)
      throw invalidRequest(
        "This operation requires a multipart/form-data body.",
        null,
        "invalid_content_type",
      );
    const parts = parseMultipart(raw, req.headers["content-type"]!);
    body = parts.fields;
    files = parts.files;
  } else {
    body = parseJsonObject(raw);
  }
  const model =
    typeof body.model === "string"
      ? body.model
      : Array.isArray(body.model)
        ? String(body.model[0])
        : undefined;
  const deployment = route.deployment ?? model;
  if (!deployment)
    throw invalidRequest("'model' is a required property", "model", "missing_required_parameter");
  const deployedModel = modelOf(state.options.deployments, deployment);
  if (deployedModel === undefined) throw deploymentNotFound();
  validateRequest({
    operation: route.operation,
    apiVersion: route.apiVersion,
    model: deployedModel,
    body,
    ...(takesMultipart(route.operation) && { files }),
  });
  const isChat = route.operation === "chat/completions";
  const scriptHeader = header(req, "x-aoai-emulator-reply");
  // Legacy completions take a scripted reply from the header only: the queue stays chat's, so a
  // completions request never consumes a reply a chat test queued.
  const script = isChat
    ? scriptHeader !== undefined
      ? parseScriptedReplyHeader(scriptHeader)
      : state.scripts.shift()
    : route.operation === "completions" && scriptHeader !== undefined
      ? parseScriptedReplyHeader(scriptHeader)
      : undefined;
  const opRequest: OpRequest = {
    route,
    deployment,
    model: deployedModel,
    body,
    files,
    headers: req.headers,
    seed: sha256Hex(`${route.operation}\n${deployment}\n${sha256Hex(raw)}`),
    script,
    streamChunks: streamChunks(req, script),
    baseUrl: state.baseUrl(),
  };
  const reply = await runOperation(route.operation, opRequest, state.images);
  if (!reply)
    throw invalidRequest(
      `The emulator does not implement '${route.operation}'.`,
      null,
      "OperationNotSupported",
    );
  reply.headers = { ...reply.headers, "x-ms-deployment-name": deployment };
  return reply;
}

function streamChunks(req: IncomingMessage, script: ScriptedReply | undefined): number | undefined {
  const raw = header(req, "x-aoai-emulator-stream-chunks");
  if (raw === undefined) return script?.stream_chunks;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 10_000_000) {
    throw invalidRequest(
      "x-aoai-emulator-stream-chunks must be an integer between 0 and 10000000",
      "x-aoai-emulator-stream-chunks",
      "invalid_value",
    );
  }
  return n;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function serveInternal(pathname: string, res: ServerResponse): void {
  if (pathname === "/emulator/health") {
    sendJson(res, 200, { status: "ok" });
    return;
  }
  throw notFound();
}

/** `GET /emulator/images/{id}.png|jpg`: an image URL the emulator handed out (no auth, as storage links). */
function serveImage(pathname: string, res: ServerResponse, state: HandlerState): void {
  const name = /^\/emulator\/images\/([A-Za-z0-9]+\.(?:png|jpg))$/.exec(pathname)?.[1];
  const image = name ? state.images.get(name) : undefined;
  if (!image) throw notFound();
  res.setHeader("content-type", image.contentType);
  res.setHeader("content-length", image.bytes.length);
  res.end(image.bytes);
}

/** Counts the request against its deployment's quota, if it has one; throws Azure's 429 past it. */
function enforceQuota(
  res: ServerResponse,
  route: ReturnType<typeof resolveRoute>,
  raw: Buffer,
  multipart: boolean,
  state: HandlerState,
): void {
  if (state.quotas.empty || (route.deployment !== undefined && !state.quotas.has(route.deployment))) return;
  let body: Record<string, unknown> | undefined;
  if (!multipart && raw.length > 0) {
    try {
      body = parseJsonObject(raw);
    } catch {
      // A body that is not JSON is refused later with its own error; it still counts its bytes.
    }
  }
  // The v1 API names the deployment in the body.
  const deployment = route.deployment ?? (typeof body?.model === "string" ? body.model : undefined);
  if (deployment === undefined || !state.quotas.has(deployment)) return;
  const verdict = state.quotas.take(deployment, estimateTokens(raw, body), route.operation, route.apiVersion);
  if (verdict.refusal) throw verdict.refusal;
  setHeaders(res, verdict.headers);
}

function rateHeaders(
  state: HandlerState,
  req: IncomingMessage,
  requestNumber: number,
): Record<string, string> {
  const minute = Math.floor(Date.now() / 60_000);
  if (state.window.minute !== minute) state.window = { minute, requests: 0, tokens: 0 };
  state.window.requests += 1;
  // A rough token estimate from the body size, as APIM estimates before the model runs.
  state.window.tokens += Math.ceil((Number(req.headers["content-length"]) || 0) / 4);
  const limits = state.options.rateLimits;
  return azureHeaders({
    requestId: uuidFrom(`request:${requestNumber}`),
    clientRequestId: header(req, "x-ms-client-request-id"),
    region: state.options.region,
    remainingRequests: Math.max(0, limits.requests - state.window.requests),
    remainingTokens: Math.max(0, limits.tokens - state.window.tokens),
    limitRequests: limits.requests,
    limitTokens: limits.tokens,
    resetSeconds: Math.ceil(((minute + 1) * 60_000 - Date.now()) / 1000),
  });
}

function record(
  state: HandlerState,
  req: IncomingMessage,
  url: URL,
  raw: Buffer | undefined,
  multipart: boolean,
): void {
  let body: unknown;
  if (raw && raw.length > 0) {
    if (multipart) {
      try {
        const parts: MultipartBody = parseMultipart(raw, req.headers["content-type"]!);
        const files = Object.fromEntries(
          Object.entries(parts.files).map(([k, f]) => [
            k,
            { filename: f.filename, content_type: f.contentType, size: f.data.length },
          ]),
        );
        body = { ...parts.fields, ...files };
      } catch {
        body = undefined;
      }
    } else {
      const text = raw.toString("utf8");
      try {
        body = JSON.parse(text);
      } catch {
        body = text.length > 4096 ? `${text.slice(0, 4096)}…` : text;
      }
    }
  }
  state.log.add({
    method: req.method ?? "GET",
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: redactHeaders(req.headers),
    body,
  });
}
