// A tiny scripted HTTP server on 127.0.0.1 for core's integration tests: real HTTP over loopback,
// one scripted reply per request, every request recorded.
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body's bytes, as received. */
  raw: Buffer;
  /** The socket's sequence number on this server (1 for the first connection). */
  connection: number;
  /** Resolves when the request's socket closes (the client aborted, or the server ended it). */
  socketClosed: Promise<void>;
}

/** A scripted reply: a plain response, or a function that writes its own. */
export type Reply =
  | { status?: number; headers?: Record<string, string>; body?: string | object }
  | ((req: IncomingMessage, res: ServerResponse, recorded: RecordedRequest) => void | Promise<void>);

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** How many TCP connections the server has accepted. */
  readonly connections: number;
  /** Replies for the next requests, in order; once used up, `fallback` answers. */
  script(...replies: Reply[]): void;
  /** The reply once the script is used up. @default 200 `{}` */
  fallback(reply: Reply): void;
  /** Forget recorded requests and scripted replies. */
  reset(): void;
  close(): Promise<void>;
}

const DEFAULT_REPLY: Reply = { status: 200, body: {} };

/** Destroys the socket without answering: a connection error for the client. */
export const destroySocket: Reply = (req) => {
  req.socket.destroy();
};

/** Never answers (the client's timeout fires). */
export const hang: Reply = () => {};

/** A JSON reply. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers, body: body as object };
}

/** A text/event-stream reply with the given raw SSE text. */
export function sse(text: string, headers: Record<string, string> = {}): Reply {
  return { status: 200, headers: { "content-type": "text/event-stream", ...headers }, body: text };
}

export async function startServer(): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const socketIds = new WeakMap<Socket, number>();
  let queue: Reply[] = [];
  let fallback: Reply = DEFAULT_REPLY;
  let connections = 0;

  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const recorded: RecordedRequest = {
      method: req.method ?? "",
      url: req.url ?? "",
      headers: req.headers,
      body: Buffer.concat(chunks).toString("utf8"),
      raw: Buffer.concat(chunks),
      connection: socketIds.get(req.socket) ?? 0,
      socketClosed: new Promise<void>((resolve) => req.socket.once("close", () => resolve())),
    };
    requests.push(recorded);
    const reply = queue.shift() ?? fallback;
    try {
      if (typeof reply === "function") {
        await reply(req, res, recorded);
        return;
      }
      const body =
        reply.body === undefined
          ? ""
          : typeof reply.body === "string"
            ? reply.body
            : JSON.stringify(reply.body);
      const headers: Record<string, string> = {
        "content-type": typeof reply.body === "string" ? "text/plain" : "application/json",
        ...reply.headers,
      };
      res.writeHead(reply.status ?? 200, headers);
      res.end(body);
    } catch {
      res.destroy();
    }
  });
  server.on("connection", (socket) => {
    connections++;
    socketIds.set(socket, connections);
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get connections() {
      return connections;
    },
    script(...replies) {
      queue.push(...replies);
    },
    fallback(reply) {
      fallback = reply;
    },
    reset() {
      requests.length = 0;
      queue = [];
      fallback = DEFAULT_REPLY;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
