import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * A small fault-injecting HTTP proxy for the reliability suite: it sits between the SDK and a
 * target (the emulator) on 127.0.0.1 and breaks answers in the ways networks, gateways and
 * services do. It is our own (node:http), not the emulator's fault hooks, so the faults are ones
 * the emulator cannot produce itself: cut connections, stalls, re-chunked or rewritten bodies,
 * redirects and gateway pages.
 *
 * Every request names its call in the {@link CALL_HEADER} header (set per call through
 * `RequestOptions.headers`); {@link FaultProxy.plan} gives a call one fault per attempt (the first
 * request of the call gets `faults[0]`, a retry `faults[1]`…; attempts past the list pass through).
 * The proxy counts and records every request per call, so tests see retries and duplicates.
 * Positions that are chosen at random (where a body is cut) come from a seeded PRNG per call and
 * attempt, so a run is reproducible whatever order concurrent requests arrive in.
 */

/** The header that names a call; requests without it pass through unrecorded by call. */
export const CALL_HEADER = "x-reliability-call";

/** Changes to a forwarded body that keep its meaning (any split, any line end). */
interface Transforms {
  /** Write the body one byte per chunk (each write awaited), so every split is exercised. */
  oneByte?: boolean;
  /** Turn every LF of an event stream into CRLF. */
  crlf?: boolean;
  /** Wait this long (ms) between events of a stream (a slow but live stream). */
  gapMs?: number;
}

/** One fault, applied to one attempt of a call. */
export type Fault = Transforms &
  (
    | { kind: "pass" }
    /** Destroy the connection as soon as the request is in; nothing is answered or forwarded. */
    | { kind: "reset-before" }
    /** Forward, send the status line and headers, then destroy the connection. */
    | { kind: "reset-after-headers" }
    /**
     * Forward and let the service answer (it has acted: a file is stored, a batch created), then
     * destroy the connection without a byte of the answer: a POST whose answer is lost.
     */
    | { kind: "lose-answer" }
    /**
     * Forward, send the headers and part of the body, then destroy the connection: `utf8` cuts
     * inside a multi-byte UTF-8 character, `line` inside a line (never at a line end), `any` anywhere.
     * `afterEvents` (event streams) keeps at least that many whole events before the cut.
     */
    | { kind: "reset-mid-body"; at: "utf8" | "line" | "any"; afterEvents?: number }
    /** Event streams: forward everything before `data: [DONE]`, then end the response cleanly. */
    | { kind: "close-before-done" }
    /** Accept the request and never answer (the socket stays open). */
    | { kind: "stall-before-headers" }
    /**
     * Forward the headers and the first `afterEvents` events (event streams; default 1) or the first
     * half of the body (others), then send nothing more while keeping the socket open.
     */
    | { kind: "stall-mid-body"; afterEvents?: number }
    /** Answer this status without forwarding (429 with retry headers, 5xx, 413, a gateway page…). */
    | {
        kind: "status";
        status: number;
        headers?: Record<string, string>;
        body?: string;
        contentType?: string;
      }
    /**
     * Forward, but cut a JSON body in half and send it whole-framed (a complete but truncated body).
     * Other bodies pass unchanged: cut and framed as whole, nothing tells them from whole ones.
     */
    | { kind: "truncate-json" }
    /**
     * Event streams: forward, inserting `raw` (SSE text) after the first `afterEvents` events (default
     * 1); with `thenStall` nothing follows it and the socket stays open, so only the client can close it.
     */
    | { kind: "inject"; raw: string; afterEvents?: number; thenStall?: boolean }
    /** Answer 3xx with `location: to`, without forwarding. */
    | {
        kind: "redirect";
        status: 301 | 302 | 303 | 307 | 308;
        to: string;
        body?: string;
        contentType?: string;
      }
  );

/** What the proxy saw of one request. */
export interface SeenRequest {
  callId: string | undefined;
  /** 0 for the first request of the call, 1 for its first retry… */
  attempt: number;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  /** `Date.now()` when the request arrived, and when the proxy finished answering it (or cut it). */
  arrivedAt: number;
  answeredAt: number | undefined;
  fault: Fault["kind"];
  /** True when the client closed the connection before the proxy finished the response. */
  closedByClient: boolean;
}

export interface FaultProxyOptions {
  /** Where requests are forwarded, e.g. the emulator's URL. */
  target: string;
  /** Seed of the PRNG that picks cut positions. */
  seed: number;
}

export interface FaultProxy {
  readonly url: string;
  readonly seed: number;
  /** Gives `callId` one fault per attempt. */
  plan(callId: string, faults: readonly Fault[]): void;
  /** Every request seen, in arrival order. */
  readonly requests: readonly SeenRequest[];
  /** The requests of one call. */
  requestsOf(callId: string): SeenRequest[];
  /** Closes the server and destroys every socket (stalled ones included). */
  close(): Promise<void>;
}

/**
 * A planner of calls on `proxy()` (read when a call is planned, so it may be started later): each
 * call gets a fresh id (`prefix-1`, `prefix-2`…) and its faults, and comes back with `options`
 * whose headers name it.
 */
export function planner<O extends { headers?: Record<string, string> }>(
  proxy: () => FaultProxy,
  prefix: string,
) {
  let calls = 0;
  return (faults: readonly Fault[], options: O = {} as O) => {
    const id = `${prefix}-${++calls}`;
    proxy().plan(id, faults);
    return { id, options: { ...options, headers: { ...options.headers, [CALL_HEADER]: id } } };
  };
}

/** mulberry32: a tiny deterministic PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit FNV-1a hash, to derive per-call seeds. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The four ways a response asks for a wait before the next attempt. */
export type RetryHeaderForm = "retry-after-ms" | "x-ms-retry-after-ms" | "retry-after" | "retry-after-date";

/** Headers asking for about `ms` of wait in `form` (`retry-after` counts whole seconds, rounded up). */
export function retryHeaders(form: RetryHeaderForm, ms: number): Record<string, string> {
  switch (form) {
    case "retry-after-ms":
      return { "retry-after-ms": String(ms) };
    case "x-ms-retry-after-ms":
      return { "x-ms-retry-after-ms": String(ms) };
    case "retry-after":
      return { "retry-after": String(Math.ceil(ms / 1000)) };
    case "retry-after-date":
      // An HTTP date has whole seconds: the wait is between ms - 1000 and ms.
      return { "retry-after": new Date(Date.now() + ms).toUTCString() };
  }
}

/** A gateway's HTML error page, about `size` bytes, ending with `marker`. */
export function gatewayPage(status: number, size: number, marker = "end-of-gateway-page"): string {
  const head = `<!DOCTYPE html>\n<html><head><title>${status} Bad Gateway</title><style>body{font-family:sans-serif}</style></head><body>\n<h1>${status} Bad Gateway</h1>\n`;
  const line = "<p>The upstream server returned an invalid response. Please try again later.</p>\n";
  let body = head;
  while (body.length < size) body += line;
  return `${body}<!-- ${marker} --></body></html>\n`;
}

const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "proxy-connection",
  "upgrade",
  "te",
  "trailer",
]);

interface Upstream {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target);
  const plans = new Map<string, readonly Fault[]>();
  const attempts = new Map<string, number>();
  const seen: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  let closed = false;

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      // A client that went away, or an upstream that failed: end this exchange, nothing else.
      res.socket?.destroy();
    });
  });
  // Keep idle keep-alive sockets open longer than any test, so the SDK never reuses one that the
  // proxy is closing at that moment (that race would look like a lost attempt).
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 0;
  server.requestTimeout = 0;
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on("close", () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const callId = header(req.headers, CALL_HEADER);
    const attempt = callId === undefined ? 0 : (attempts.get(callId) ?? 0);
    if (callId !== undefined) attempts.set(callId, attempt + 1);
    const fault: Fault = (callId !== undefined ? plans.get(callId)?.[attempt] : undefined) ?? {
      kind: "pass",
    };
    const record: SeenRequest = {
      callId,
      attempt,
      method: req.method ?? "GET",
      url: req.url ?? "/",
      headers: req.headers,
      arrivedAt: Date.now(),
      answeredAt: undefined,
      fault: fault.kind,
      closedByClient: false,
    };
    seen.push(record);
    let cutByUs = false;
    res.on("close", () => {
      if (!res.writableFinished) record.closedByClient ||= !cutByUs;
    });
    const cut = () => {
      cutByUs = true;
      record.answeredAt = Date.now();
      res.socket?.destroy();
    };
    const done = () => {
      record.answeredAt = Date.now();
    };
    const random = mulberry32(hash32(`${options.seed}:${callId ?? record.url}:${attempt}`));
    const requestBody = await readAll(req);

    switch (fault.kind) {
      case "reset-before":
        return cut();
      case "stall-before-headers":
        return; // the socket stays open until the client gives up or close() destroys it
      case "status": {
        const body =
          fault.body ?? JSON.stringify({ error: { code: String(fault.status), message: "fault" } });
        res.writeHead(fault.status, {
          "content-type": fault.contentType ?? "application/json",
          "content-length": Buffer.byteLength(body),
          "x-request-id": `proxy-${callId ?? "none"}-${attempt}`,
          ...fault.headers,
        });
        res.end(body, done);
        return;
      }
      case "redirect": {
        const body = fault.body ?? JSON.stringify({ moved: fault.to });
        res.writeHead(fault.status, {
          location: fault.to,
          "content-type": fault.contentType ?? "application/json",
          "content-length": Buffer.byteLength(body),
        });
        res.end(body, done);
        return;
      }
      default:
        break;
    }

    const upstream = await forward(req, requestBody);
    const isSse = /event-stream/i.test(String(upstream.headers["content-type"] ?? ""));
    let body = upstream.body;
    const headers = { ...upstream.headers };

    if (fault.kind === "inject" && isSse) {
      const at = eventBoundary(body, fault.afterEvents ?? 1);
      const raw = Buffer.from(fault.raw);
      body = fault.thenStall
        ? Buffer.concat([body.subarray(0, at), raw])
        : Buffer.concat([body.subarray(0, at), raw, body.subarray(at)]);
    }
    if (fault.kind === "close-before-done" && isSse) {
      const doneAt = body.indexOf("data: [DONE]");
      if (doneAt >= 0) body = body.subarray(0, doneAt);
    }
    if (fault.crlf && isSse) body = toCrlf(body);

    switch (fault.kind) {
      case "lose-answer":
        return cut();
      case "reset-after-headers": {
        res.writeHead(upstream.status, headers);
        res.flushHeaders();
        await pause(timers, 5);
        return cut();
      }
      case "reset-mid-body": {
        const from = isSse ? eventBoundary(body, fault.afterEvents ?? 1) : 1;
        const at = cutPosition(body, fault.at, from, random);
        res.writeHead(upstream.status, headers);
        await writeBody(res, body.subarray(0, at), fault, isSse, timers);
        // Let the bytes reach the client before the connection goes, so the cut is mid-body.
        await pause(timers, 10);
        return cut();
      }
      case "stall-mid-body": {
        const at = isSse ? eventBoundary(body, fault.afterEvents ?? 1) : Math.floor(body.length / 2);
        res.writeHead(upstream.status, headers);
        await writeBody(res, body.subarray(0, at), fault, isSse, timers);
        return; // stalled: nothing more is written, the socket stays open
      }
      case "truncate-json": {
        // A binary or text body cut and framed as whole cannot be told from a whole one.
        if (!/json/i.test(String(upstream.headers["content-type"] ?? ""))) break;
        const at = Math.max(1, Math.floor(body.length / 2));
        const part = body.subarray(0, at);
        res.writeHead(upstream.status, { ...headers, "content-length": part.length });
        res.end(part, done);
        return;
      }
      default:
        break;
    }

    const stall = fault.kind === "inject" && fault.thenStall === true;
    res.writeHead(upstream.status, headers);
    await writeBody(res, body, fault, isSse, timers);
    if (stall || closed) return;
    res.end(done);
  }

  function forward(req: IncomingMessage, body: Buffer): Promise<Upstream> {
    return new Promise((resolve, reject) => {
      const headers: OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (!HOP_BY_HOP.has(name) && value !== undefined) headers[name] = value;
      }
      headers.host = target.host;
      headers["content-length"] = body.length;
      const out = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers,
          agent,
        },
        (upstream) => {
          readAll(upstream).then((data) => {
            const copied: OutgoingHttpHeaders = {};
            for (const [name, value] of Object.entries(upstream.headers)) {
              if (!HOP_BY_HOP.has(name) && value !== undefined) copied[name] = value;
            }
            resolve({ status: upstream.statusCode ?? 502, headers: copied, body: data });
          }, reject);
        },
      );
      out.on("error", reject);
      out.end(body);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    seed: options.seed,
    plan(callId, faults) {
      plans.set(callId, faults);
    },
    get requests() {
      return seen;
    },
    requestsOf(callId) {
      return seen.filter((r) => r.callId === callId);
    },
    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
        agent.destroy();
      });
    },
  };
}

/** A loopback server that must never be reached (a redirect's other origin); it records any request. */
export interface TrapServer {
  readonly url: string;
  readonly requests: readonly { method: string; url: string; headers: IncomingHttpHeaders }[];
  /** Forgets the requests seen (after a check that the trap is reachable). */
  clear(): void;
  close(): Promise<void>;
}

export async function startTrapServer(): Promise<TrapServer> {
  const requests: { method: string; url: string; headers: IncomingHttpHeaders }[] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers });
    req.resume();
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ trapped: true, choices: [], data: [] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    // Another origin than the proxy (its own port), on the address it listens on, so a client
    // that followed a redirect would really arrive here.
    url: `http://127.0.0.1:${port}`,
    requests,
    clear() {
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * A loopback server answering every request with `status`, `headers` and a body written in the
 * given chunks (each write flushed and awaited), for exact-byte event streams.
 */
export interface ScriptedServer {
  readonly url: string;
  /** The chunks the next requests get (each request takes the next script; the last one repeats). */
  respond(chunks: readonly Uint8Array[], headers?: Record<string, string>): void;
  close(): Promise<void>;
}

export async function startScriptedServer(): Promise<ScriptedServer> {
  let script: { chunks: readonly Uint8Array[]; headers: Record<string, string> } = {
    chunks: [],
    headers: {},
  };
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    const { chunks, headers } = script;
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "text/event-stream", ...headers });
      res.flushHeaders();
      void (async () => {
        for (const chunk of chunks) {
          if (res.destroyed) return;
          await new Promise<void>((resolve) => res.write(chunk, () => resolve()));
          await pause(timers, 0);
        }
        res.end();
      })().catch(() => res.destroy());
    });
  });
  server.on("connection", (socket) => socket.setNoDelay(true));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    respond(chunks, headers = {}) {
      script = { chunks, headers };
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => parts.push(chunk));
    stream.on("end", () => resolve(Buffer.concat(parts)));
    stream.on("error", reject);
    stream.on("aborted", () => reject(new Error("aborted")));
  });
}

function pause(timers: Set<NodeJS.Timeout>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      resolve();
    }, ms);
    timers.add(timer);
  });
}

/** Writes `body`: per event for a stream (so events arrive as a stream would send them), else at once. */
async function writeBody(
  res: ServerResponse,
  body: Buffer,
  transforms: Transforms,
  isSse: boolean,
  timers: Set<NodeJS.Timeout>,
): Promise<void> {
  const oneByte = transforms.oneByte === true;
  const pieces: Buffer[] = [];
  if (oneByte) for (let i = 0; i < body.length; i++) pieces.push(body.subarray(i, i + 1));
  else if (isSse) {
    let start = 0;
    for (let end = body.indexOf("\n\n"); end !== -1; end = body.indexOf("\n\n", start)) {
      pieces.push(body.subarray(start, end + 2));
      start = end + 2;
    }
    if (start < body.length) pieces.push(body.subarray(start));
  } else if (body.length > 0) pieces.push(body);
  for (const [i, piece] of pieces.entries()) {
    if (res.destroyed) return;
    if (transforms.gapMs && isSse && i > 0) await pause(timers, transforms.gapMs);
    await new Promise<void>((resolve) => {
      res.write(piece, () => resolve());
    });
    // A turn of the event loop between writes, so chunks are not merged before they leave.
    if (oneByte || isSse) await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** The offset just after the `count`-th event (a blank line) of an LF or CRLF stream, or the end. */
function eventBoundary(body: Buffer, count: number): number {
  let at = 0;
  for (let i = 0; i < count; i++) {
    const lf = body.indexOf("\n\n", at);
    const crlf = body.indexOf("\r\n\r\n", at);
    if (lf === -1 && crlf === -1) return body.length;
    at = crlf !== -1 && (lf === -1 || crlf < lf) ? crlf + 4 : lf + 2;
  }
  return at;
}

/** A cut position in `[from, body.length)`: inside a UTF-8 character, inside a line, or anywhere. */
function cutPosition(body: Buffer, at: "utf8" | "line" | "any", from: number, random: () => number): number {
  const candidates: number[] = [];
  for (let i = Math.max(1, from); i < body.length; i++) {
    const byte = body[i]!;
    const previous = body[i - 1]!;
    if (at === "utf8" && (byte & 0xc0) !== 0x80) continue; // cut before a continuation byte
    if (at === "line" && (byte === 0x0a || byte === 0x0d || previous === 0x0a || previous === 0x0d)) continue;
    candidates.push(i);
  }
  if (candidates.length === 0) {
    if (at === "utf8") return cutPosition(body, "line", from, random);
    return Math.max(1, Math.min(from, body.length - 1));
  }
  return candidates[Math.floor(random() * candidates.length)]!;
}

function toCrlf(body: Buffer): Buffer {
  const text = body.toString("latin1").replace(/\r?\n/g, "\r\n");
  return Buffer.from(text, "latin1");
}
