import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { FaultInjector, type FaultQueue } from "./faults.js";
import { type HandlerState, handleRequest } from "./handler.js";
import { ImageStore } from "./image-store.js";
import { ResponseStore } from "./ops/responses-store.js";
import { type EmulatorOptions, resolveOptions } from "./options.js";
import { QuotaLimiter } from "./quotas.js";
import { createRealtime } from "./realtime/endpoint.js";
import { type RecordedRequest, RequestLog } from "./request-log.js";
import { ResourceStore } from "./resources/store.js";
import { parseScriptedReply, type ScriptedReply } from "./scripted-reply.js";

/** A running emulator. */
export interface Emulator {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:49152`; use it as the Azure endpoint. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** The first accepted api key, handy for clients. */
  readonly apiKey: string;
  /** Programmatic fault injection: `emulator.faults.push({ kind: "status", status: 503 })`. */
  readonly faults: FaultQueue;
  /** Queues a chat reply; the next chat request without an `x-aoai-emulator-reply` header takes it. */
  script(reply: ScriptedReply): void;
  /** The latest requests (oldest first), credentials redacted. */
  readonly requests: readonly RecordedRequest[];
  /** Forgets logged requests. */
  clearRequests(): void;
  /** Clears faults, scripted replies, header fault counters and the request log. */
  reset(): void;
  /** Stops listening and ends every open connection, keep-alive ones too. */
  close(): Promise<void>;
}

/** Starts an emulator on `options.host` (default 127.0.0.1) and `options.port` (default: a free port). */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const resolved = resolveOptions(options);
  let url = "";
  const state: HandlerState = {
    options: resolved,
    faults: new FaultInjector(),
    scripts: [],
    log: new RequestLog(resolved.requestLogSize),
    images: new ImageStore(),
    resources: new ResourceStore(resolved),
    responses: new ResponseStore(),
    baseUrl: () => url,
    counter: 0,
    window: { minute: 0, requests: 0, tokens: 0 },
    quotas: new QuotaLimiter(resolved.quotas, resolved.quotaWindowMs),
  };
  const realtime = createRealtime({
    auth: { apiKeys: resolved.apiKeys, bearerTokens: resolved.bearerTokens },
    log: state.log,
    deployments: resolved.deployments,
  });
  const server = createServer((req, res) => {
    if (realtime.handles(req)) void realtime.serve(req, res);
    else void handleRequest(req, res, state);
  });
  server.on("upgrade", realtime.upgrade);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  url = `http://${host}:${address.port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    host: address.address,
    port: address.port,
    apiKey: resolved.apiKeys[0] ?? "",
    faults: state.faults,
    script(reply) {
      state.scripts.push(parseScriptedReply(reply));
    },
    get requests() {
      return state.log.list();
    },
    clearRequests() {
      state.log.clear();
    },
    reset() {
      state.faults.clear();
      state.scripts.length = 0;
      state.log.clear();
    },
    close() {
      closing ??= realtime.close().then(
        () =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          }),
      );
      return closing;
    },
  };
}
