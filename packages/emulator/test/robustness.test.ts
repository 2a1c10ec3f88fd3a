import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../src/index.js";
import { deploymentUrl, postJson, USER_CHAT } from "./helpers.js";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ maxJsonBodyBytes: 64 * 1024, maxMultipartBodyBytes: 128 * 1024 });
});
afterAll(() => emulator.close());

const chat = () => deploymentUrl(emulator.url, "gpt-4o", "chat/completions");
const embeddings = () => deploymentUrl(emulator.url, "text-embedding-3-small", "embeddings");

describe("bad input", () => {
  it("answers invalid JSON and wrong fields with Azure-shaped 400s", async () => {
    const cases: [string, unknown, string | null][] = [
      [chat(), "{not json", null],
      [chat(), "[]", null],
      [chat(), "null", null],
      [chat(), "", null],
      [chat(), {}, "messages"],
      [chat(), { messages: "hi" }, "messages"],
      [chat(), { messages: [] }, "messages"],
      [chat(), { messages: [42] }, "messages[0]"],
      [chat(), { messages: [{ role: "wizard", content: "x" }] }, "messages[0].role"],
      [chat(), { ...USER_CHAT, n: 0 }, "n"],
      [chat(), { ...USER_CHAT, temperature: 9 }, "temperature"],
      [chat(), { ...USER_CHAT, tools: [{ type: "function" }] }, "tools[0].function"],
      [chat(), { ...USER_CHAT, tools: [{ type: "function", function: {} }] }, "tools[0].function.name"],
      [chat(), { ...USER_CHAT, response_format: { type: "yaml" } }, "response_format.type"],
      [embeddings(), {}, "input"],
      [embeddings(), { input: "" }, "input"],
      [embeddings(), { input: "x", dimensions: 99999 }, "dimensions"],
      [embeddings(), { input: "x", encoding_format: "hex" }, "encoding_format"],
    ];
    for (const [url, body, param] of cases) {
      const { res, json } = await postJson(url, body);
      const label = JSON.stringify(body).slice(0, 60);
      expect(res.status, label).toBe(400);
      const { error } = json();
      expect(error.type, label).toBe("invalid_request_error");
      expect(error.code, label).toBeTypeOf("string");
      expect(error.message, label).toBeTypeOf("string");
      expect(error.param, label).toBe(param);
    }
  });

  it("answers 413 for oversized bodies", async () => {
    const big = { ...USER_CHAT, padding: "x".repeat(70 * 1024) };
    const { res, json } = await postJson(chat(), big);
    expect(res.status).toBe(413);
    expect(json().error.code).toBe("RequestEntityTooLarge");
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(200 * 1024)]), "big.wav");
    const upload = await fetch(deploymentUrl(emulator.url, "whisper", "audio/transcriptions"), {
      method: "POST",
      headers: { "api-key": "emulator-key" },
      body: form,
    });
    expect(upload.status).toBe(413);
  });

  it("survives a burst of garbage, then serves a good request", async () => {
    const garbage: Promise<unknown>[] = [];
    const bodies = [
      "\u0000\u0001\u0002",
      "{".repeat(5000),
      '{"messages":[{"role":"user","content":{"a":[1,2,{"b":null}]}}]}',
      "💥".repeat(100),
    ];
    const types = [
      "application/json",
      "text/plain",
      "multipart/form-data; boundary=zzz",
      "multipart/form-data",
      "application/octet-stream",
    ];
    for (let i = 0; i < 60; i++) {
      const ops = [
        "chat/completions",
        "embeddings",
        "completions",
        "images/generations",
        "audio/transcriptions",
        "audio/speech",
      ];
      const url = deploymentUrl(
        emulator.url,
        "d",
        ops[i % ops.length]!,
        i % 2 ? "2025-04-01-preview" : "2024-10-21",
      );
      garbage.push(
        fetch(url, {
          method: "POST",
          headers: { "api-key": "emulator-key", "content-type": types[i % types.length]! },
          body: bodies[i % bodies.length],
        }).then((r) => r.status),
      );
    }
    // Broken HTTP on raw sockets: Node's parser refuses it, the server must shrug it off.
    for (const raw of [
      "GARBAGE\r\n\r\n",
      "POST / HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
      "\u0016\u0003\u0001\u0000",
    ]) {
      garbage.push(
        new Promise<void>((resolve) => {
          const url = new URL(emulator.url);
          const socket = connect(Number(url.port), url.hostname, () => socket.end(raw));
          socket.on("error", () => resolve());
          socket.on("close", () => resolve());
          socket.resume();
        }),
      );
    }
    // A client that gives up in the middle of a long stream.
    const aborter = new AbortController();
    garbage.push(
      fetch(chat(), {
        method: "POST",
        headers: {
          "api-key": "emulator-key",
          "content-type": "application/json",
          "x-aoai-emulator-stream-chunks": "200000",
        },
        body: JSON.stringify({ ...USER_CHAT, stream: true }),
        signal: aborter.signal,
      })
        .then(async (r) => {
          const reader = r.body!.getReader();
          await reader.read();
          aborter.abort();
        })
        .catch(() => undefined),
    );
    const statuses = (await Promise.all(garbage)).filter((s): s is number => typeof s === "number");
    expect(statuses.length).toBe(60);
    for (const s of statuses) expect(s).toBeLessThan(500);
    const { res, json } = await postJson(chat(), USER_CHAT);
    expect(res.status).toBe(200);
    expect(json().choices[0].message.content).toContain("capital of France");
  });
});
