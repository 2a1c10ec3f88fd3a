import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { WebSocket, WebSocketServer } from "ws";
import type { AuthConfig } from "../auth.js";
import { parseJsonObject, readBody } from "../body.js";
import { EmulatorHttpError, invalidRequest, methodNotAllowed } from "../errors.js";
import { sha256Hex } from "../hash.js";
import { corsHeaders, setHeaders } from "../headers.js";
import { modelOf } from "../models.js";
import type { RequestLog } from "../request-log.js";
import { redactHeaders } from "../request-log.js";
import { sendJson } from "../respond.js";
import { EPHEMERAL_PREFIX, SecretStore } from "./secrets.js";
import { EmulatedSession } from "./session.js";
import { defaultSession, mergeSession } from "./session-config.js";
import { checkCredential, checkSocket } from "./socket-auth.js";
import { answerCall, type EmulatedCall } from "./webrtc.js";

/** Request header: the session's lifetime in ms, to test the time limit without waiting 30 minutes. */
export const SESSION_MS_HEADER = "x-aoai-emulator-session-ms";
const FAULT_HEADER = "x-aoai-emulator-fault";
const SECRET_PATH = "/openai/v1/realtime/client_secrets";
const CALLS_PATH = "/openai/v1/realtime/calls";

/** What the realtime endpoint needs from the emulator. */
export interface RealtimeContext {
  auth: AuthConfig;
  log: RequestLog;
  /** The emulator's deployments and their models. */
  deployments: Readonly<Record<string, string>> | "any";
}

/**
 * The realtime endpoint: WebSocket sessions on the GA and preview routes (HTTP upgrade),
 * `client_secrets` minting ephemeral keys, and `/realtime/calls` answering WebRTC offers.
 */
export function createRealtime(context: RealtimeContext) {
  const secrets = new SecretStore();
  const sockets = new Set<WebSocket>();
  const calls = new Set<EmulatedCall>();
  let server: WebSocketServer | undefined;
  let connections = 0;

  const log = (req: IncomingMessage, url: URL, body: unknown) => {
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) query[k] = k === "api-key" ? "[redacted]" : v;
    context.log.add({
      method: req.method ?? "GET",
      path: url.pathname,
      query,
      headers: redactHeaders(req.headers),
      body,
    });
  };

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on("error", () => {});
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    log(req, url, undefined);
    try {
      const route = checkSocket(req, url, context.auth);
      const fault = parseFault(req.headers[FAULT_HEADER]);
      if (fault?.kind === "reset") return void socket.destroy();
      if (fault?.kind === "status")
        throw new EmulatorHttpError(fault.status, {
          error: { code: String(fault.status), message: "Injected fault." },
        });
      if (!server) {
        const { WebSocketServer } = await import("ws");
        server = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
      }
      server.handleUpgrade(req, socket, head, (ws) => {
        sockets.add(ws);
        let sent = 0;
        const lifetime = Number(req.headers[SESSION_MS_HEADER]);
        const session = new EmulatedSession(
          {
            send(event) {
              if (ws.readyState !== ws.OPEN) return;
              ws.send(JSON.stringify(event));
              if (fault?.kind === "reset-mid-stream" && ++sent >= fault.after_chunks) ws.terminate();
            },
            close: (code, reason) => ws.close(code, reason),
          },
          {
            dialect: route.dialect,
            model: modelOf(context.deployments, route.deployment) ?? route.deployment,
            seed: sha256Hex(`${route.deployment}/${++connections}`),
            ...(lifetime > 0 && { sessionMs: lifetime }),
          },
        );
        ws.on("message", (data, binary) => {
          if (binary) return;
          session.receive(data.toString());
        });
        ws.on("error", () => {});
        ws.on("close", () => {
          session.end();
          sockets.delete(ws);
        });
      });
    } catch (error) {
      const e =
        error instanceof EmulatorHttpError
          ? error
          : new EmulatorHttpError(500, { error: { code: "500", message: "Internal error." } });
      const body = JSON.stringify(e.body);
      socket.end(
        `HTTP/1.1 ${e.status} ${e.status === 401 ? "Unauthorized" : e.status === 404 ? "Not Found" : "Error"}\r\n` +
          `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      );
    }
  }

  /** True for the realtime HTTP routes (client_secrets, calls). */
  function handles(req: IncomingMessage): boolean {
    const path = (req.url ?? "").split("?")[0]!.replace(/\/+$/, "");
    return path === SECRET_PATH || path === CALLS_PATH;
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      setHeaders(res, corsHeaders(req.headers));
      if (req.method === "OPTIONS") {
        res.statusCode = 204;
        return void res.end();
      }
      const url = new URL(req.url ?? "/", "http://emulator.invalid");
      const raw = await readBody(req, 1024 * 1024);
      const path = url.pathname.replace(/\/+$/, "");
      log(req, url, path === SECRET_PATH ? safeJson(raw) : undefined);
      if (req.method !== "POST") throw methodNotAllowed();
      if (path === SECRET_PATH) return mint(req, raw, res);
      return await call(req, raw, res);
    } catch (error) {
      const e =
        error instanceof EmulatorHttpError
          ? error
          : new EmulatorHttpError(500, { error: { code: "500", message: "Internal error." } });
      if (!res.headersSent) sendJson(res, e.status, e.body, e.headers);
      else res.destroy();
    }
  }

  function mint(req: IncomingMessage, raw: Buffer, res: ServerResponse): void {
    checkCredential(req, null, context.auth);
    const body = parseJsonObject(raw);
    const session = (body.session ?? {}) as Record<string, unknown>;
    if (typeof session !== "object" || Array.isArray(session))
      throw invalidRequest("'session' must be an object.", "session", "invalid_type");
    const model = session.model;
    if (typeof model !== "string" || !model)
      throw invalidRequest(
        "Missing required parameter: 'session.model'.",
        "session.model",
        "missing_required_parameter",
      );
    if (session.type !== undefined && session.type !== "realtime")
      throw invalidRequest(
        "Invalid value for 'session.type': the emulator mints 'realtime' sessions.",
        "session.type",
        "invalid_value",
      );
    const after = body.expires_after as { seconds?: unknown } | undefined;
    const seconds = after?.seconds ?? 600;
    if (typeof seconds !== "number" || !Number.isInteger(seconds) || seconds < 10 || seconds > 7200)
      throw invalidRequest(
        "'expires_after.seconds' must be an integer from 10 to 7200.",
        "expires_after.seconds",
        "invalid_value",
      );
    const expiresAt = Math.floor(Date.now() / 1000) + seconds;
    const state = defaultSession(
      "ga",
      `sess_${sha256Hex(String(Math.random())).slice(0, 22)}`,
      modelOf(context.deployments, model) ?? model,
      expiresAt,
    ) as Record<string, unknown>;
    mergeSession(state, session);
    const value = secrets.mint({ model: modelOf(context.deployments, model) ?? model, session, expiresAt });
    sendJson(res, 200, { value, expires_at: expiresAt, session: state });
  }

  async function call(req: IncomingMessage, raw: Buffer, res: ServerResponse): Promise<void> {
    const token = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? "").trim())?.[1];
    const secret = token?.startsWith(EPHEMERAL_PREFIX) ? secrets.find(token) : undefined;
    if (!secret)
      throw new EmulatorHttpError(401, {
        error: {
          code: "invalid_client_secret",
          message:
            "The client secret is missing, invalid or expired: mint one with /openai/v1/realtime/client_secrets.",
          type: "invalid_request_error",
        },
      });
    if (!/^application\/sdp\b/i.test(String(req.headers["content-type"] ?? "")))
      throw invalidRequest(
        "The body must be an SDP offer (content-type application/sdp).",
        null,
        "invalid_content_type",
      );
    const offer = raw.toString("utf8");
    if (!offer.startsWith("v=0")) throw invalidRequest("The body is not an SDP offer.", null, "invalid_sdp");
    const answered = await answerCall(offer, secret, (c) => calls.delete(c));
    calls.add(answered.call);
    res.statusCode = 201;
    setHeaders(res, {
      "content-type": "application/sdp",
      location: `${CALLS_PATH}/rtc_${sha256Hex(offer).slice(0, 24)}`,
    });
    res.end(answered.sdp);
  }

  async function close(): Promise<void> {
    for (const ws of sockets) ws.terminate();
    sockets.clear();
    await Promise.all([...calls].map((c) => c.close()));
    server?.close();
  }

  return {
    upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void upgrade(req, socket, head),
    handles,
    serve,
    close,
  };
}

function safeJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    return undefined;
  }
}

type SocketFault =
  | { kind: "reset" }
  | { kind: "status"; status: number }
  | { kind: "reset-mid-stream"; after_chunks: number };

function parseFault(header: string | string[] | undefined): SocketFault | undefined {
  if (typeof header !== "string") return undefined;
  try {
    const fault = JSON.parse(header) as SocketFault;
    if (
      fault.kind === "reset" ||
      (fault.kind === "status" && fault.status >= 400) ||
      (fault.kind === "reset-mid-stream" && fault.after_chunks > 0)
    )
      return fault;
  } catch {}
  throw invalidRequest(
    "x-aoai-emulator-fault on a realtime socket takes reset, status or reset-mid-stream.",
    FAULT_HEADER,
    "invalid_value",
  );
}
