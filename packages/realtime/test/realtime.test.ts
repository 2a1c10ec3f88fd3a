import {
  APIConnectionError,
  APIUserAbortError,
  AuthenticationError,
  InvalidInputError,
  InvalidResponseError,
  ServiceUnavailableError,
  UnsupportedApiVersionError,
} from "@aoai/core";
import { describe, expect, inject, it, vi } from "vitest";
import {
  fromWav,
  RealtimeClient,
  RealtimeClosedError,
  RealtimeServerError,
  type RealtimeServerEvent,
  RealtimeSessionExpiredError,
  toWav,
} from "../src/index.js";
import { emulatorRealtime, fakeService, MANUAL_TURNS, speech } from "./helpers.js";

async function until(
  session: AsyncIterable<RealtimeServerEvent>,
  type: string,
): Promise<RealtimeServerEvent[]> {
  const seen: RealtimeServerEvent[] = [];
  for await (const event of session) {
    seen.push(event);
    if (event.type === type) break;
  }
  return seen;
}

/** Reads a session to its end: the event types, and the error it ended with. */
async function drain(
  session: AsyncIterable<RealtimeServerEvent>,
): Promise<{ seen: string[]; error: unknown }> {
  const seen: string[] = [];
  try {
    for await (const event of session) seen.push(event.type);
    return { seen, error: undefined };
  } catch (error) {
    return { seen, error };
  }
}

describe("a voice turn over the GA route", () => {
  it("appends audio, commits, and gets the reply as audio and transcript", async () => {
    const { realtime } = emulatorRealtime();
    const session = await realtime.connect({ session: MANUAL_TURNS });
    try {
      const first = await session.nextEvent();
      expect(first?.type).toBe("session.created");
      if (first?.type === "session.created") expect(first.session.model).toBe("gpt-realtime");
      expect((await session.nextEvent())?.type).toBe("session.updated");
      await session.appendAudio(speech("What is the weather like in Lisbon?"));
      await session.send({ type: "input_audio_buffer.commit" });
      await session.send({ type: "response.create" });
      const turn = session.response();
      const deltas: string[] = [];
      for await (const delta of turn.transcriptDeltas()) deltas.push(delta);
      const result = await turn.done();
      expect(result.inputTranscript).toBe("What is the weather like in Lisbon?");
      expect(result.transcript).toBe(
        'You said: "What is the weather like in Lisbon?". This is a deterministic reply from the Azure OpenAI emulator.',
      );
      expect(deltas.join("")).toBe(result.transcript);
      expect(deltas.length).toBeGreaterThan(5);
      expect(result.response.status).toBe("completed");
      // The reply's audio carries its transcript, so decoding it proves every delta arrived in order.
      const { decodeText } = await import("../../emulator/src/audio/fsk.js");
      expect(decodeText(result.audio)).toBe(result.transcript);
      const wav = fromWav(result.wav());
      expect(wav.sampleRate).toBe(24000);
      expect(wav.samples).toEqual(result.audio);
    } finally {
      await session.close();
    }
  });

  it("takes audio as Float32Array and bytes too, in chunks the service accepts", async () => {
    const { realtime } = emulatorRealtime();
    const session = await realtime.connect({ session: MANUAL_TURNS, appendChunkBytes: 4800 });
    try {
      const samples = speech("Floats and bytes");
      const floats = Float32Array.from(samples, (s) => s / 32767);
      await session.appendAudio(floats.subarray(0, 24_000));
      const rest = samples.subarray(24_000);
      await session.appendAudio(new Uint8Array(rest.buffer, rest.byteOffset, rest.byteLength));
      await session.send({ type: "input_audio_buffer.commit" });
      await session.send({ type: "response.create", response: { output_modalities: ["text"] } });
      const turn = session.response();
      let text = "";
      for await (const delta of turn.textDeltas()) text += delta;
      const result = await turn.done();
      expect(result.inputTranscript).toBe("Floats and bytes");
      expect(text).toBe(result.text);
      expect(result.text).toContain('You said: "Floats and bytes"');
      expect(result.audio.length).toBe(0);
    } finally {
      await session.close();
    }
  });

  it("speaks the preview dialect on the preview route (response.audio.delta)", async () => {
    const { realtime } = emulatorRealtime({ apiVersion: "2025-04-01-preview" });
    const session = await realtime.connect({
      session: { turn_detection: null, input_audio_transcription: { model: "whisper-1" } },
    });
    try {
      await session.appendAudio(speech("preview route"));
      await session.send({ type: "input_audio_buffer.commit" });
      await session.send({ type: "response.create" });
      const types = new Set<string>();
      const turn = session.response();
      for await (const event of turn) types.add(event.type);
      const result = await turn.done();
      expect(types).toContain("response.audio.delta");
      expect(types).toContain("response.audio_transcript.delta");
      expect(types).not.toContain("response.output_audio.delta");
      expect(result.transcript).toContain('"preview route"');
      expect(result.audio.length).toBeGreaterThan(24_000);
    } finally {
      await session.close();
    }
  });
});

describe("function calls", () => {
  it("assembles a call and answers it with one call", async () => {
    const { realtime } = emulatorRealtime();
    const session = await realtime.connect({
      session: {
        ...MANUAL_TURNS,
        tools: [
          {
            type: "function",
            name: "get_weather",
            parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
          },
        ],
      },
    });
    try {
      await session.appendAudio(speech("Weather in Lisbon?"));
      await session.send({ type: "input_audio_buffer.commit" });
      await session.send({ type: "response.create" });
      const first = await session.response().done();
      expect(first.functionCalls).toHaveLength(1);
      const [call] = first.functionCalls;
      expect(call?.name).toBe("get_weather");
      expect(JSON.parse(call!.arguments)).toHaveProperty("city");
      expect(call?.call_id).toMatch(/^call_/);
      await session.answerFunctionCall(call!.call_id, { temperature_c: 21 });
      const second = await session.response().done();
      expect(second.functionCalls).toHaveLength(0);
      expect(second.transcript).toContain('{"temperature_c":21}');
    } finally {
      await session.close();
    }
  });
});

describe("cancel and errors", () => {
  it("cancels a response midway", async () => {
    const { realtime } = emulatorRealtime();
    const session = await realtime.connect({ session: MANUAL_TURNS });
    try {
      await session.appendAudio(speech("a long question ".repeat(20)));
      await session.send({ type: "input_audio_buffer.commit" });
      await session.send({ type: "response.create" });
      const turn = session.response();
      let audioDeltas = 0;
      for await (const event of turn) {
        if (event.type === "response.output_audio.delta" && ++audioDeltas === 1)
          await session.send({ type: "response.cancel" });
      }
      const result = await turn.done();
      expect(result.response.status).toBe("cancelled");
      expect(result.response.status_details?.reason).toBe("client_cancelled");
      // The whole reply is over 40 deltas; the cancel stopped it after a few.
      expect(audioDeltas).toBeGreaterThan(0);
      expect(audioDeltas).toBeLessThan(10);
    } finally {
      await session.close();
    }
  });

  it("yields the service's error event, and a response being read throws it typed", async () => {
    const { realtime } = emulatorRealtime();
    const session = await realtime.connect({ session: MANUAL_TURNS });
    try {
      await session.send({ type: "input_audio_buffer.commit", event_id: "evt_commit" });
      const events = await until(session, "error");
      const error = events.at(-1);
      expect(error?.type).toBe("error");
      if (error?.type === "error") {
        expect(error.error.code).toBe("input_audio_buffer_commit_empty");
        expect(error.error.event_id).toBe("evt_commit");
      }
      await session.send({ type: "no.such.event" } as never);
      await expect(session.response().done()).rejects.toSatisfy(
        (e: unknown) => RealtimeServerError.isInstance(e) && e.code === "invalid_value" && e.param === "type",
      );
      // The session goes on after an error.
      await session.send({ type: "input_audio_buffer.clear" });
      expect((await until(session, "input_audio_buffer.cleared")).at(-1)?.type).toBe(
        "input_audio_buffer.cleared",
      );
    } finally {
      await session.close();
    }
  });

  it("refuses an event without a type before sending", async () => {
    const { realtime } = emulatorRealtime();
    const session = await realtime.connect();
    try {
      await expect(session.send({} as never)).rejects.toBeInstanceOf(InvalidInputError);
      await expect(session.appendAudio(new Uint8Array(3))).rejects.toBeInstanceOf(InvalidInputError);
    } finally {
      await session.close();
    }
  });

  it("a dropped socket ends the events with a typed error", async () => {
    const { realtime } = emulatorRealtime();
    const session = await realtime.connect({
      headers: { "x-aoai-emulator-fault": JSON.stringify({ kind: "reset-mid-stream", after_chunks: 1 }) },
    });
    const { seen, error } = await drain(session);
    expect(seen).toEqual(["session.created"]);
    expect(RealtimeClosedError.isInstance(error)).toBe(true);
    expect(APIConnectionError.isInstance(error)).toBe(true);
    expect((error as RealtimeClosedError).closeCode).toBe(1006);
    await expect(session.send({ type: "response.create" })).rejects.toSatisfy((e: unknown) =>
      RealtimeClosedError.isInstance(e),
    );
  });

  it("a refused handshake is the typed error of its status, with the service's body", async () => {
    const { realtime } = emulatorRealtime();
    const error = await realtime
      .connect({ headers: { "x-aoai-emulator-fault": JSON.stringify({ kind: "status", status: 503 }) } })
      .catch((e: unknown) => e);
    expect(ServiceUnavailableError.isInstance(error)).toBe(true);
    expect((error as ServiceUnavailableError).status).toBe(503);
    const reset = await realtime
      .connect({ headers: { "x-aoai-emulator-fault": JSON.stringify({ kind: "reset" }) } })
      .catch((e: unknown) => e);
    expect(APIConnectionError.isInstance(reset)).toBe(true);
  });

  it("a server's close code other than 1000 ends the events with RealtimeClosedError", async () => {
    const service = await fakeService((ws) => {
      ws.send(JSON.stringify({ type: "session.created", event_id: "e1", session: { id: "s" } }));
      ws.close(1011, "internal error");
    });
    try {
      const session = await service.realtime.connect();
      const { seen, error } = await drain(session);
      expect(seen).toEqual(["session.created"]);
      expect(RealtimeClosedError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ closeCode: 1011, closeReason: "internal error" });
    } finally {
      await service.close();
    }
  });

  it("a message that is no JSON event ends the session with InvalidResponseError and drops the socket", async () => {
    let closed!: Promise<number>;
    const service = await fakeService((ws) => {
      ws.send("null");
      closed = new Promise<number>((resolve) => ws.on("close", (code) => resolve(code)));
    });
    try {
      const session = await service.realtime.connect();
      const { error } = await drain(session);
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(await closed).toBe(1006);
    } finally {
      await service.close();
    }
  });

  it("a session past its time limit ends with RealtimeSessionExpiredError", async () => {
    const { realtime } = emulatorRealtime();
    const session = await realtime.connect({ headers: { "x-aoai-emulator-session-ms": "200" } });
    const { seen, error } = await drain(session);
    expect(seen).toEqual(["session.created", "error"]);
    expect(RealtimeSessionExpiredError.isInstance(error)).toBe(true);
    expect((error as RealtimeSessionExpiredError).code).toBe("session_expired");
  });

  it("close() ends the iteration cleanly, and an aborted signal ends it with APIUserAbortError", async () => {
    const { realtime } = emulatorRealtime();
    const session = await realtime.connect();
    expect((await session.nextEvent())?.type).toBe("session.created");
    await session.close();
    expect(await session.nextEvent()).toBeUndefined();

    const controller = new AbortController();
    const aborted = await realtime.connect({ signal: controller.signal });
    const reading = (async () => {
      for await (const _ of aborted);
    })();
    controller.abort();
    await expect(reading).rejects.toBeInstanceOf(APIUserAbortError);
    await expect(realtime.connect({ signal: AbortSignal.abort() })).rejects.toBeInstanceOf(APIUserAbortError);
  });
});

describe("auth", () => {
  it("connects with a key in the api-key header (never in the URL)", async () => {
    const { realtime } = emulatorRealtime();
    const session = await realtime.connect();
    await session.close();
  });

  it("connects with a TokenCredential, the token fetched before connecting", async () => {
    const scopes: unknown[] = [];
    const credential = {
      async getToken(scope: string | string[]) {
        scopes.push(scope);
        return { token: "entra-token", expiresOnTimestamp: Date.now() + 3600_000 };
      },
    };
    const { realtime } = emulatorRealtime({ apiKey: undefined, credential });
    const session = await realtime.connect();
    expect(scopes).toEqual(["https://cognitiveservices.azure.com/.default"]);
    expect((await session.nextEvent())?.type).toBe("session.created");
    await session.close();
  });

  it("puts the key in the query when asked, and never logs it", async () => {
    const { logger } = await import("@aoai/core/internal");
    const lines: string[] = [];
    const spy = vi.spyOn(logger, "info").mockImplementation((...args: unknown[]) => {
      lines.push(args.join(" "));
    });
    const { realtime } = emulatorRealtime();
    const session = await realtime.connect({ credentialInQuery: true }).finally(() => spy.mockRestore());
    expect(lines.join("\n")).toMatch(
      /realtime: connected to ws:\/\/127\.0\.0\.1:\d+\/openai\/v1\/realtime\?model=gpt-realtime&api-key=REDACTED/,
    );
    expect(lines.join("\n")).not.toContain(inject("emulatorApiKey"));
    expect((await session.nextEvent())?.type).toBe("session.created");
    await session.close();
    const { realtime: entra } = emulatorRealtime({ apiKey: undefined, tokenProvider: () => "t" });
    await expect(entra.connect({ credentialInQuery: true })).rejects.toBeInstanceOf(InvalidInputError);
  });

  it("a wrong key gets 401 saying the key was refused", async () => {
    const { realtime } = emulatorRealtime({ apiKey: "wrong-key" });
    const error = await realtime.connect().catch((e: unknown) => e);
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect((error as AuthenticationError).status).toBe(401);
    expect((error as Error).message).toMatch(/api-key was refused/);
    expect(JSON.stringify(error)).not.toContain("wrong-key");
  });

  it("a token for another audience gets 401 saying so", async () => {
    const payload = Buffer.from(JSON.stringify({ aud: "https://management.azure.com" })).toString(
      "base64url",
    );
    const { realtime } = emulatorRealtime({ apiKey: undefined, tokenProvider: () => `e30.${payload}.sig` });
    const error = await realtime.connect().catch((e: unknown) => e);
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/audience is incorrect/);
    expect((error as Error).message).toMatch(/cognitiveservices\.azure\.com\/\.default/);
  });

  it("an api-version on the GA route gets 401 from the service, saying so", async () => {
    const { default: WebSocket } = await import("ws");
    const url = `${inject("emulatorUrl").replace("http", "ws")}/openai/v1/realtime?model=gpt-realtime&api-version=2025-04-01-preview`;
    const ws = new WebSocket(url, { headers: { "api-key": inject("emulatorApiKey") } });
    const status = await new Promise<{ status: number; body: string }>((resolve) => {
      ws.on("unexpected-response", (_req, res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
    });
    expect(status.status).toBe(401);
    expect(status.body).toMatch(/does not take an api-version/);
  });

  it("refuses a dated GA version before connecting, naming those that have realtime", async () => {
    const { realtime } = emulatorRealtime({ apiVersion: "2024-10-21" });
    const error = await realtime.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedApiVersionError);
    expect((error as UnsupportedApiVersionError).supportedVersions).toContain("v1");
  });

  it("checks the deployment at construction", () => {
    const { client } = emulatorRealtime();
    expect(() => new RealtimeClient(client, "a/b")).toThrow(InvalidInputError);
  });
});

describe("backpressure", () => {
  it("append waits while the socket holds more than highWaterMark, memory stays flat", async () => {
    // A service that stops reading: its socket is paused, so the kernel buffers fill and the
    // client's bufferedAmount grows until append must wait.
    let serverSocket: import("ws").WebSocket | undefined;
    const service = await fakeService((ws, req) => {
      serverSocket = ws;
      (req.socket as import("node:net").Socket).pause();
    });
    const session = await service.realtime.connect({
      highWaterMark: 256 * 1024,
      appendChunkBytes: 48_000,
    });
    try {
      const second = new Int16Array(24_000);
      let appended = 0;
      let maxBuffered = 0;
      const appending = (async () => {
        for (let i = 0; i < 600; i++) {
          await session.appendAudio(second);
          appended++;
          maxBuffered = Math.max(maxBuffered, session.bufferedAmount);
        }
      })();
      await new Promise((r) => setTimeout(r, 300));
      const stuckAt = appended;
      await new Promise((r) => setTimeout(r, 300));
      // Stalled: 10 minutes of audio would be 76 MB of base64; the append loop is waiting instead.
      expect(appended).toBe(stuckAt);
      expect(appended).toBeLessThan(600);
      expect(session.bufferedAmount).toBeLessThan(256 * 1024 + 70_000);
      expect(maxBuffered).toBeLessThan(256 * 1024 + 70_000);
      // The reader catches up: the appends go on and finish.
      (serverSocket as unknown as { _socket: import("node:net").Socket })._socket.resume();
      await appending;
      expect(appended).toBe(600);
    } finally {
      await session.close().catch(() => {});
      await service.close();
    }
  });
});

describe("audio helpers", () => {
  it("toWav and fromWav round-trip", () => {
    const samples = Int16Array.from([0, 1, -1, 32767, -32768]);
    const back = fromWav(toWav(samples, 16000));
    expect(back.sampleRate).toBe(16000);
    expect([...back.samples]).toEqual([...samples]);
  });
});
