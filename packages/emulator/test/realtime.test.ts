import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { encodeText } from "../src/audio/fsk.js";
import { pcmBytes } from "../src/audio/wav.js";
import { type Emulator, startEmulator } from "../src/index.js";
import { postJson, type Wire } from "./helpers.js";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});

const wsUrl = (path: string) => `${emulator.url.replace("http", "ws")}${path}`;

/** Opens a socket and reads its JSON events; `next(type)` waits for the next event of a type. */
async function open(path: string, headers: Record<string, string> = { "api-key": "emulator-key" }) {
  const ws = new WebSocket(wsUrl(path), { headers });
  const events: Wire[] = [];
  let wake: (() => void) | undefined;
  ws.on("message", (data) => {
    events.push(JSON.parse(data.toString()));
    wake?.();
  });
  await new Promise((resolve, reject) => {
    ws.once("open", resolve);
    ws.once("error", reject);
  });
  let read = 0;
  const next = async (type: string): Promise<Wire> => {
    for (;;) {
      while (read < events.length) {
        const event = events[read++];
        if (event.type === type) return event;
      }
      await new Promise<void>((r) => {
        wake = r;
      });
    }
  };
  const send = (event: unknown) => ws.send(typeof event === "string" ? event : JSON.stringify(event));
  return { ws, events, next, send };
}

/** The status and body a refused upgrade gets. */
function refused(path: string, headers: Record<string, string> = { "api-key": "emulator-key" }) {
  return new Promise<{ status: number; body: Wire }>((resolve, reject) => {
    const ws = new WebSocket(wsUrl(path), { headers });
    ws.on("open", () => reject(new Error("upgraded")));
    ws.on("error", () => {});
    ws.on("unexpected-response", (_req, res) => {
      let body = "";
      res.on("data", (c: Buffer) => {
        body += c;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(body) }));
    });
  });
}

describe("routes and auth", () => {
  it("serves the GA route with GA event names and the preview route with preview ones", async () => {
    const ga = await open("/openai/v1/realtime?model=gpt-realtime");
    const created = await ga.next("session.created");
    expect(created.session).toMatchObject({
      type: "realtime",
      model: "gpt-realtime",
      object: "realtime.session",
    });
    expect(created.event_id).toMatch(/^event_/);
    ga.ws.close();
    const preview = await open(
      "/openai/realtime?api-version=2025-04-01-preview&deployment=gpt-realtime-mini",
    );
    const session = (await preview.next("session.created")).session;
    expect(session).toMatchObject({ model: "gpt-realtime-mini", input_audio_format: "pcm16" });
    expect((await preview.next("conversation.created")).conversation.object).toBe("realtime.conversation");
    preview.ws.close();
  });

  it("refuses an api-version on the GA route with 401, and unknown routes and versions with 404", async () => {
    const ga = await refused("/openai/v1/realtime?model=gpt-realtime&api-version=2025-04-01-preview");
    expect(ga.status).toBe(401);
    expect(ga.body.error.message).toMatch(/does not take an api-version/);
    expect((await refused("/openai/realtime?api-version=2024-10-21&deployment=gpt-realtime")).status).toBe(
      404,
    );
    expect((await refused("/openai/realtime?api-version=2025-04-01-preview")).status).toBe(404);
    expect((await refused("/openai/v1/realtime")).status).toBe(400);
  });

  it("takes the key in the query, logged redacted; refuses a wrong key and a foreign token audience", async () => {
    const s = await open("/openai/v1/realtime?model=gpt-realtime&api-key=emulator-key", {});
    await s.next("session.created");
    s.ws.close();
    const logged = emulator.requests.findLast((r) => r.path === "/openai/v1/realtime");
    expect(logged?.query["api-key"]).toBe("[redacted]");
    expect((await refused("/openai/v1/realtime?model=gpt-realtime", { "api-key": "nope" })).status).toBe(401);
    const jwt = `e30.${Buffer.from(JSON.stringify({ aud: "https://graph.microsoft.com" })).toString("base64url")}.x`;
    const token = await refused("/openai/v1/realtime?model=gpt-realtime", { authorization: `Bearer ${jwt}` });
    expect(token.status).toBe(401);
    expect(token.body.error.message).toMatch(/audience is incorrect/);
  });
});

describe("events", () => {
  it("turns appended speech into a transcript and streams a reply as audio and transcript deltas", async () => {
    const s = await open("/openai/v1/realtime?model=gpt-realtime");
    s.send({
      type: "session.update",
      session: {
        type: "realtime",
        audio: { input: { turn_detection: null, transcription: { model: "t" } } },
      },
    });
    expect((await s.next("session.updated")).session.audio.input.turn_detection).toBeNull();
    s.send({
      type: "input_audio_buffer.append",
      audio: pcmBytes(encodeText("hello there")).toString("base64"),
    });
    s.send({ type: "input_audio_buffer.commit" });
    expect((await s.next("conversation.item.input_audio_transcription.completed")).transcript).toBe(
      "hello there",
    );
    s.send({ type: "response.create" });
    const done = await s.next("response.done");
    expect(done.response.status).toBe("completed");
    const transcript = s.events
      .filter((e) => e.type === "response.output_audio_transcript.delta")
      .map((e) => e.delta)
      .join("");
    expect(transcript).toBe(
      'You said: "hello there". This is a deterministic reply from the Azure OpenAI emulator.',
    );
    expect(done.response.output[0].content[0]).toEqual({ type: "output_audio", transcript });
    expect(done.response.usage.output_tokens).toBeGreaterThan(0);
    s.ws.close();
  });

  it("answers bad events with error events and keeps the session", async () => {
    const s = await open("/openai/v1/realtime?model=gpt-realtime");
    const errors = async (event: unknown) => {
      s.send(event);
      return (await s.next("error")).error;
    };
    expect((await errors("{not json")).code).toBe("invalid_json");
    expect(await errors({ type: "nope", event_id: "e1" })).toMatchObject({
      code: "invalid_value",
      param: "type",
      event_id: "e1",
    });
    expect((await errors({ event_id: "e2" })).code).toBe("missing_required_parameter");
    expect((await errors({ type: "input_audio_buffer.append", audio: "***" })).param).toBe("audio");
    expect((await errors({ type: "input_audio_buffer.commit" })).code).toBe(
      "input_audio_buffer_commit_empty",
    );
    expect((await errors({ type: "conversation.item.delete", item_id: "x" })).code).toBe("item_not_found");
    expect((await errors({ type: "response.cancel" })).code).toBe("response_cancel_not_active");
    expect((await errors({ type: "conversation.item.create", item: { type: "bogus" } })).param).toBe(
      "item.type",
    );
    s.send({ type: "response.create" });
    expect((await errors({ type: "response.create" })).code).toBe("conversation_already_has_active_response");
    expect((await s.next("response.done")).response.status).toBe("completed");
    s.ws.close();
  });

  it("makes a function call when tools are set, and answers its output", async () => {
    const s = await open("/openai/v1/realtime?model=gpt-realtime");
    s.send({
      type: "session.update",
      session: {
        tools: [
          {
            type: "function",
            name: "lookup",
            parameters: { type: "object", properties: { q: { type: "string" } } },
          },
        ],
      },
    });
    s.send({
      type: "conversation.item.create",
      item: { type: "message", role: "user", content: [{ type: "input_text", text: "find it" }] },
    });
    s.send({ type: "response.create" });
    const args = await s.next("response.function_call_arguments.done");
    expect(args.name).toBe("lookup");
    expect(JSON.parse(args.arguments)).toHaveProperty("q");
    await s.next("response.done");
    s.send({
      type: "conversation.item.create",
      item: { type: "function_call_output", call_id: args.call_id, output: "42" },
    });
    s.send({ type: "response.create" });
    const done = await s.next("response.done");
    expect(done.response.output[0].content[0].transcript).toContain("(42)");
    s.ws.close();
  });
});

describe("client_secrets", () => {
  const url = () => `${emulator.url}/openai/v1/realtime/client_secrets`;

  it("mints an ephemeral key for a deployment, and checks the request", async () => {
    const minted = await postJson(url(), { session: { type: "realtime", model: "gpt-realtime" } });
    expect(minted.res.status).toBe(200);
    const body = minted.json();
    expect(body.value).toMatch(/^ek_/);
    expect(body.session.model).toBe("gpt-realtime");
    expect(body.expires_at).toBeGreaterThan(Date.now() / 1000);
    expect((await postJson(url(), { session: {} })).res.status).toBe(400);
    expect(
      (
        await postJson(url(), {
          session: { model: "m" },
          expires_after: { anchor: "created_at", seconds: 5 },
        })
      ).res.status,
    ).toBe(400);
    expect((await postJson(url(), { session: { model: "m" } }, { "api-key": "wrong" })).res.status).toBe(401);
  });
});
