import type { RequestOptions } from "@aoai/core";
import { DeploymentClient } from "@aoai/core";
import { checkGate, handshake, invalid, isV1, logger } from "@aoai/core/internal";
import { realtime } from "./feature.js";
import { openSocket } from "./open-socket.js";
import { RealtimeSession, type SessionFlowOptions } from "./realtime-session.js";
import type { RealtimeSessionConfig } from "./request-types.js";

/** How long the WebSocket handshake may take, in ms, unless `timeout` says otherwise. */
const HANDSHAKE_TIMEOUT_MS = 60_000;

/** Options of {@link RealtimeClient.connect}. */
export interface ConnectOptions extends Pick<RequestOptions, "signal" | "headers">, SessionFlowOptions {
  /** Sent as `session.update` as soon as the socket is open. */
  session?: RealtimeSessionConfig;
  /** How long the handshake may take, in ms. @default 60000 */
  timeout?: number;
  /**
   * Sends the API key as the `api-key` query parameter instead of a header, for proxies that drop
   * headers. Entra tokens always go in a header.
   * @default false
   */
  credentialInQuery?: boolean;
}

/**
 * Realtime (speech to speech) sessions on a deployment such as `gpt-realtime`, over a WebSocket
 * from a server. Browsers connect with {@link connectWebRTC} and a client secret.
 */
export class RealtimeClient extends DeploymentClient {
  /**
   * Opens a session: the GA route `/openai/v1/realtime?model=<deployment>` when the client's
   * apiVersion is `v1` or `preview` (sent without an api-version), else the preview route
   * `/openai/realtime?api-version=<version>&deployment=<deployment>`. A token credential's token
   * is fetched before connecting. A 401 says what was refused.
   */
  async connect(options: ConnectOptions = {}): Promise<RealtimeSession> {
    const { client } = this;
    checkGate(realtime, client, "realtime");
    const timeout = options.timeout ?? HANDSHAKE_TIMEOUT_MS;
    if (!(timeout > 0)) invalid("timeout", `must be a number of ms > 0, got ${timeout}.`);
    const ga = isV1(client.apiVersion);
    const target = await handshake(client, {
      path: ga ? "v1/realtime" : "realtime",
      query: ga
        ? { model: this.deployment }
        : { "api-version": client.apiVersion, deployment: this.deployment },
      userAgent: realtime.userAgent,
      credentialInQuery: options.credentialInQuery,
      headers: options.headers,
      signal: options.signal,
    });
    // The logged URL never shows a key sent in the query.
    const shown = target.url.replace(/([?&]api-key=)[^&]*/, "$1REDACTED");
    logger.info(`realtime: connecting to ${shown}`);
    const session = await openSocket(
      target,
      { signal: options.signal, timeout },
      (ws) => new RealtimeSession(ws, options),
    ).catch((error: unknown) => {
      logger.warning(`realtime: ${shown} failed: ${(error as Error).message}`);
      throw error;
    });
    logger.info(`realtime: connected to ${shown}`);
    if (options.session) await session.updateSession(options.session);
    return session;
  }
}
