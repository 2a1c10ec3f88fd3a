/**
 * The realtime bench's service: a TLS WebSocket server on 127.0.0.1 (openai's realtime client
 * opens `wss:` only), with a throwaway self-signed certificate made by openssl. On
 * `response.create` it sends `events` `response.output_audio.delta` events (200 ms of PCM16 each,
 * pre-serialized, so the server's own cost stays flat; written as the socket takes them) and
 * `response.done`; appended audio is read
 * and dropped. Children trust it with NODE_TLS_REJECT_UNAUTHORIZED=0.
 */
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import { selfSignedCert } from "../../../test-utils/self-signed.ts";

export interface RealtimeBenchServer {
  /** `https://127.0.0.1:<port>`: the clients' endpoint. */
  endpoint: string;
  close(): Promise<void>;
}

export async function startRealtimeServer(): Promise<RealtimeBenchServer> {
  const https = createServer(selfSignedCert());
  const wss = new WebSocketServer({ server: https, maxPayload: 16 * 1024 * 1024 });
  const delta = Buffer.alloc(9600, 7).toString("base64");
  const part = '"response_id":"resp_1","item_id":"item_1","output_index":0,"content_index":0';
  wss.on("connection", (ws) => {
    ws.send(JSON.stringify({ type: "session.created", event_id: "event_0", session: { id: "sess_1" } }));
    ws.on("message", async (data) => {
      const text = data.toString();
      if (!text.includes('"response.create"')) return;
      const events = Number(/"events":"?(\d+)/.exec(text)?.[1] ?? 1000);
      for (let i = 0; i < events; i++) {
        const event = `{"type":"response.output_audio.delta","event_id":"event_${i}",${part},"delta":"${delta}"}`;
        // Every 64th send waits until it is written: 100,000 events (1.3 GB) queued at once
        // exhausted the server's memory and dropped the connection.
        if (i % 64 === 63) await new Promise((resolve) => ws.send(event, resolve));
        else ws.send(event);
      }
      ws.send(
        JSON.stringify({
          type: "response.done",
          event_id: "event_done",
          response: { id: "resp_1", object: "realtime.response", status: "completed", output: [] },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => https.listen(0, "127.0.0.1", resolve));
  const endpoint = `https://127.0.0.1:${(https.address() as AddressInfo).port}`;
  return {
    endpoint,
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of wss.clients) ws.terminate();
        wss.close();
        https.close(() => resolve());
      }),
  };
}
