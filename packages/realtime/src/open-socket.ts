import { APIConnectionError, APIConnectionTimeoutError, APIUserAbortError } from "@aoai/core";
import { createAPIError, type Handshake, parseErrorBody } from "@aoai/core/internal";
import type { WebSocket } from "ws";

const GA_ROUTE = /\/openai\/v1\/realtime\?/;

/**
 * Opens a WebSocket with `ws` (Node's own WebSocket cannot send headers). Loaded on first use, so
 * importing the package stays cheap; browsers get open-socket.browser.ts instead.
 */
export async function openSocket<T>(
  handshake: Handshake,
  options: { signal?: AbortSignal | undefined; timeout: number },
  /** Takes the open socket synchronously, before any message it already holds is emitted. */
  adopt: (ws: WebSocket) => T,
): Promise<T> {
  const { default: WebSocketClass } = await import("ws");
  return new Promise<T>((resolve, reject) => {
    let ws: WebSocket;
    try {
      ws = new WebSocketClass(handshake.url, {
        headers: handshake.headers,
        handshakeTimeout: options.timeout,
        perMessageDeflate: false,
        // A redirect would carry the credential to wherever it points.
        followRedirects: false,
      });
    } catch {
      // ws's message would quote the URL, which may hold the key (credentialInQuery).
      return reject(new APIConnectionError("Could not open the realtime WebSocket: a bad URL."));
    }
    const settle = (error?: Error) => {
      options.signal?.removeEventListener("abort", onAbort);
      ws.removeAllListeners("open");
      ws.removeAllListeners("unexpected-response");
      ws.removeAllListeners("error");
      if (!error) return resolve(adopt(ws));
      ws.on("error", () => {});
      ws.terminate();
      reject(error);
    };
    const onAbort = () => settle(new APIUserAbortError("The realtime connection was aborted."));
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener("abort", onAbort, { once: true });
    ws.once("open", () => settle());
    ws.once("unexpected-response", (_request, response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", () => {});
      response.on("end", () => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers))
          if (value !== undefined) headers[name] = String(value);
        const body = Buffer.concat(chunks).toString("utf8");
        const status = response.statusCode ?? 0;
        const error = parseErrorBody(body) ?? { message: response.statusMessage ?? "" };
        if (status === 401) error.message = `${error.message ?? "Unauthorized."} ${why401(handshake)}`.trim();
        settle(
          createAPIError({
            status,
            error,
            headers,
            body,
            requestId: headers["x-request-id"] ?? headers["apim-request-id"],
          }),
        );
      });
    });
    ws.once("error", (error: Error & { code?: string }) => {
      settle(
        /timed? ?out/i.test(error.message)
          ? new APIConnectionTimeoutError("The realtime handshake timed out.")
          : new APIConnectionError(`Could not connect to the realtime endpoint: ${error.message}`, {
              code: error.code,
              cause: { message: error.message, code: error.code },
            }),
      );
    });
  });
}

/** Why a realtime handshake gets 401, by what it sent. */
function why401(handshake: Handshake): string {
  if (GA_ROUTE.test(handshake.url) && /[?&]api-version=/.test(handshake.url))
    return "The GA route (/openai/v1/realtime) takes no api-version: remove it.";
  return handshake.credential === "api-key"
    ? "The api-key was refused: check it is a key of this resource."
    : "The token was refused: check its audience is https://cognitiveservices.azure.com (scope https://cognitiveservices.azure.com/.default) and that the identity has an Azure OpenAI role on this resource.";
}
