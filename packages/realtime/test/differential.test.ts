// The same voice turn through this package and through openai's realtime WebSocket client
// (`OpenAIRealtimeWS.azure`), against one emulator: the handshake each sends and the events each
// receives must match. openai opens `wss:` only, so the emulator sits behind a TLS front here.
import { connect } from "node:net";
import { createServer, type Server } from "node:tls";
import { AzureOpenAIClient } from "@aoai/core";
import { AzureOpenAI } from "openai";
import { OpenAIRealtimeWS } from "openai/realtime/ws";
import { afterAll, beforeAll, expect, it } from "vitest";
import { selfSignedCert } from "../../../test-utils/self-signed.js";
import { pcmBytes } from "../../emulator/src/audio/wav.js";
import { type Emulator, startEmulator } from "../../emulator/src/index.js";
import { RealtimeClient, type RealtimeServerEvent } from "../src/index.js";
import { MANUAL_TURNS, speech } from "./helpers.js";

let emulator: Emulator;
let front: Server;
let endpoint: string;

beforeAll(async () => {
  emulator = await startEmulator();
  front = createServer(selfSignedCert(), (socket) => {
    const upstream = connect(emulator.port, "127.0.0.1");
    socket.pipe(upstream).pipe(socket);
    socket.on("error", () => upstream.destroy());
    upstream.on("error", () => socket.destroy());
  });
  await new Promise<void>((r) => front.listen(0, "127.0.0.1", r));
  endpoint = `https://127.0.0.1:${(front.address() as { port: number }).port}`;
});

afterAll(async () => {
  await new Promise((r) => front.close(r));
  await emulator.close();
});

const QUESTION = "Which river runs through Lisbon?";

it("sends the handshake openai's client sends and receives the same events", async () => {
  // Our client goes through ws's TLS with the process's trust settings; the front's certificate is self-signed.
  const saved = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
  let ours: RealtimeServerEvent[];
  try {
    const client = new AzureOpenAIClient({ endpoint, apiKey: emulator.apiKey, apiVersion: "v1" });
    const session = await new RealtimeClient(client, "gpt-realtime").connect({ session: MANUAL_TURNS });
    await session.appendAudio(speech(QUESTION));
    await session.send({ type: "input_audio_buffer.commit" });
    await session.send({ type: "response.create" });
    ours = [];
    for await (const event of session) {
      ours.push(event);
      if (event.type === "response.done") break;
    }
    await session.close();
  } finally {
    if (saved === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    else process.env.NODE_TLS_REJECT_UNAUTHORIZED = saved;
  }
  const oursHandshake = emulator.requests.findLast((r) => r.path === "/openai/v1/realtime");

  const azure = new AzureOpenAI({
    endpoint,
    apiKey: emulator.apiKey,
    apiVersion: "2025-04-01-preview",
    deployment: "gpt-realtime",
  });
  const rt = await OpenAIRealtimeWS.azure(azure, { options: { rejectUnauthorized: false } });
  const theirs: RealtimeServerEvent[] = [];
  await new Promise<void>((resolve, reject) => {
    rt.on("event", (event) => {
      theirs.push(event as unknown as RealtimeServerEvent);
      if (event.type === "response.done") resolve();
    });
    rt.on("error", reject);
    rt.socket.once("open", () => {
      rt.send({ type: "session.update", session: MANUAL_TURNS as never });
      rt.send({
        type: "input_audio_buffer.append",
        audio: pcmBytes(speech(QUESTION)).toString("base64"),
      });
      rt.send({ type: "input_audio_buffer.commit" });
      rt.send({ type: "response.create" });
    });
  });
  rt.close();
  const theirsHandshake = emulator.requests.findLast((r) => r.path === "/openai/v1/realtime");

  // The same route and query (no api-version on the GA route), the key in the same header.
  expect(oursHandshake?.query).toEqual({ model: "gpt-realtime" });
  expect(theirsHandshake?.query).toEqual(oursHandshake?.query);
  expect(oursHandshake?.headers["api-key"]).toBe("[redacted]");
  expect(theirsHandshake?.headers["api-key"]).toBe("[redacted]");
  expect(oursHandshake?.headers.authorization).toBeUndefined();

  // The same events in the same order, the same transcripts: openai's audio appends (one event)
  // and ours (chunked) reached the service as the same audio.
  expect(ours.map((e) => e.type)).toEqual(theirs.map((e) => e.type));
  const transcript = (events: RealtimeServerEvent[]) =>
    events.flatMap((e) =>
      e.type === "conversation.item.input_audio_transcription.completed" ? [e.transcript] : [],
    );
  expect(transcript(ours)).toEqual([QUESTION]);
  expect(transcript(theirs)).toEqual([QUESTION]);
});
