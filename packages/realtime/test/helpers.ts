import type { IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { AzureOpenAIClient, type AzureOpenAIClientOptions } from "@aoai/core";
import { inject } from "vitest";
import { type WebSocket, WebSocketServer } from "ws";
import { encodeText } from "../../emulator/src/audio/fsk.js";
import { RealtimeClient } from "../src/index.js";

/** A realtime client on the shared emulator, on the GA route (apiVersion v1) unless told otherwise. */
export function emulatorRealtime(
  options: AzureOpenAIClientOptions = {},
  deployment = "gpt-realtime",
): { client: AzureOpenAIClient; realtime: RealtimeClient } {
  const client = new AzureOpenAIClient({
    endpoint: inject("emulatorUrl"),
    apiKey: inject("emulatorApiKey"),
    apiVersion: "v1",
    maxRetries: 0,
    ...options,
  });
  return { client, realtime: new RealtimeClient(client, deployment) };
}

/** Speech the emulator understands: PCM16 24 kHz samples that carry `text` (its speech endpoint's encoding). */
export const speech = (text: string): Int16Array => encodeText(text);

/** Session settings for a turn taken by hand: no server VAD, input transcription on (GA shape). */
export const MANUAL_TURNS = {
  type: "realtime" as const,
  audio: { input: { turn_detection: null, transcription: { model: "gpt-4o-transcribe" } } },
};

/**
 * A stand-in service on 127.0.0.1 for what the emulator does not do (a close code, a broken
 * message, a socket that stops reading): `realtime` connects to it on the GA route.
 */
export async function fakeService(
  onConnection: (ws: WebSocket, request: IncomingMessage) => void,
): Promise<{ realtime: RealtimeClient; close(): Promise<void> }> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise((resolve) => server.once("listening", resolve));
  server.on("connection", onConnection);
  const { port } = server.address() as AddressInfo;
  const client = new AzureOpenAIClient({
    endpoint: `http://127.0.0.1:${port}`,
    apiKey: "k",
    apiVersion: "v1",
  });
  return {
    realtime: new RealtimeClient(client, "gpt-realtime"),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
