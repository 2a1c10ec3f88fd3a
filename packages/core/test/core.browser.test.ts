/// <reference path="../../../test-utils/provided.d.ts" />
import { AzureLogger, setLogLevel } from "@azure/logger";
import { describe, expect, inject, it } from "vitest";
import {
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  AzureOpenAIClient,
} from "../src/index.js";
import { byteStream, MultipartForm, send, text } from "../src/internal.js";
import { enableLogging } from "../src/logging.js";
import { callJson, callStream } from "./support/client.js";

interface ChatCompletion {
  id: string;
  object: string;
  choices: {
    index: number;
    message: { role: string; content: string | null };
    finish_reason: string | null;
  }[];
}

interface ChatChunk {
  id: string;
  object: string;
  choices: {
    index: number;
    delta: { role?: string; content?: string | null };
    finish_reason: string | null;
  }[];
}

const endpoint = inject("emulatorUrl");
const apiKey = inject("emulatorApiKey");
const request = {
  path: "chat/completions",
  deployment: "gpt-4o",
  body: { messages: [{ role: "user", content: "hi" }] },
};

describe("@aoai/core in a browser (fetch transport)", () => {
  it("runs in a real browser", () => {
    expect(typeof window).toBe("object");
    expect(
      typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node,
    ).not.toBe("string");
  });

  it("sends a chat request and reads the JSON answer", async () => {
    const client = new AzureOpenAIClient({ endpoint, apiKey, timeout: 10_000 });
    const result = await callJson<ChatCompletion>(client, request);
    expect(result.object).toBe("chat.completion");
    expect(result.id).toMatch(/\S/);
    const content = result.choices[0]?.message.content;
    expect(typeof content).toBe("string");
    expect(content!.length).toBeGreaterThan(0);
    expect(result._response.status).toBe(200);
    expect(result._response.requestId).toMatch(/\S/);
    expect(JSON.stringify(result)).not.toContain("_response");
  });

  it("streams a chat answer until [DONE]", async () => {
    const client = new AzureOpenAIClient({ endpoint, apiKey, timeout: 10_000 });
    const stream = await callStream<ChatChunk>(client, {
      ...request,
      body: { ...request.body, stream: true },
    });
    expect(stream._response.requestId).toMatch(/\S/);
    let text = "";
    let chunks = 0;
    let finish: string | null = null;
    for await (const chunk of stream) {
      chunks++;
      // Azure's first chunk may be the prompt_filter_results one, with an empty object field.
      expect(["chat.completion.chunk", ""]).toContain(chunk.object);
      for (const choice of chunk.choices) {
        text += choice.delta.content ?? "";
        finish = choice.finish_reason ?? finish;
      }
    }
    expect(chunks).toBeGreaterThan(1);
    expect(text.length).toBeGreaterThan(0);
    expect(finish).toBe("stop");
  });

  it("a stream that sends nothing for streamIdleTimeout fails typed; one that keeps sending is read to its end", async () => {
    const client = new AzureOpenAIClient({ endpoint, apiKey, timeout: 10_000, maxRetries: 0 });
    const paced = (ms: number, streamIdleTimeout: number) => ({
      ...request,
      body: { ...request.body, stream: true },
      options: {
        streamIdleTimeout,
        headers: { "x-aoai-emulator-fault": JSON.stringify({ kind: "slow-stream", chunk_delay_ms: ms }) },
      },
    });
    const stalled = await callStream<ChatChunk>(client, paced(800, 200));
    const error = await (async () => {
      for await (const _ of stalled);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toContain("streamIdleTimeout");
    // Each read waits 40 ms, less than the idle limit: the idle time of one read is not carried over.
    let chunks = 0;
    for await (const _ of await callStream<ChatChunk>(client, paced(40, 300))) chunks++;
    expect(chunks).toBeGreaterThan(2);
  });

  it("maps a wrong key to AuthenticationError", async () => {
    const client = new AzureOpenAIClient({ endpoint, apiKey: "wrong-key", timeout: 10_000, maxRetries: 0 });
    const error = await callJson(client, request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
    expect(String(error)).not.toContain("wrong-key");
  });

  it("an AbortSignal cancels a call", async () => {
    const client = new AzureOpenAIClient({ endpoint, apiKey, timeout: 10_000 });
    const controller = new AbortController();
    controller.abort();
    await expect(
      callJson(client, { ...request, options: { signal: controller.signal } }),
    ).rejects.toBeInstanceOf(APIUserAbortError);
  });
});

describe("@aoai/core kit in a browser", () => {
  const client = () =>
    new AzureOpenAIClient({ endpoint, apiKey, apiVersion: "2025-04-01-preview", maxRetries: 0 });
  const speech = {
    path: "audio/speech",
    deployment: "tts",
    body: { input: "hello from chromium", voice: "alloy" },
  };

  it("streams speech as bytes, then uploads it as a Blob in a multipart form and gets the text back", async () => {
    const stream = await send(client(), speech, byteStream);
    // mp3: the service's default format.
    expect(stream.contentType).toBe("audio/mpeg");
    const audio = await stream.bytes();
    expect(audio.byteLength).toBeGreaterThan(44);
    const form = new MultipartForm(
      { file: new Blob([audio as BlobPart], { type: "audio/mpeg" }), response_format: "text" },
      { file: { maxBytes: 25 * 1024 * 1024 } },
    );
    const result = await send(
      client(),
      { path: "audio/transcriptions", deployment: "whisper", body: form },
      text,
    );
    expect(result.text.trim()).toBe("hello from chromium");
    expect(result._response.requestId).toMatch(/\S/);
  });

  it("refuses a file path in the browser before sending", async () => {
    const form = new MultipartForm({ file: "/tmp/a.wav" }, { file: {} });
    await expect(
      send(client(), { path: "audio/transcriptions", deployment: "whisper", body: form }, text),
    ).rejects.toThrow(/only in Node/);
  });

  it("cancelling a speech download's web stream ends it", async () => {
    const stream = await send(client(), speech, byteStream);
    const reader = stream.toReadableStream().getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    await reader.cancel();
  });
});

describe("redirects in a browser", () => {
  it("a 307 to another origin is not followed: a typed error, and nothing reaches that origin", async () => {
    const client = new AzureOpenAIClient({ endpoint, apiKey, maxRetries: 0 });
    const fault = { kind: "status", status: 307, headers: { location: "http://127.0.0.1:9/steal" } };
    const error = await callJson(client, {
      ...request,
      options: { headers: { "x-aoai-emulator-fault": JSON.stringify(fault) } },
    }).catch((e: unknown) => e);
    expect(APIError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/Redirect.*not followed/);
  });
});

describe("logging in a browser", () => {
  it("is off without enableLogging, and goes through the app's @azure/logger with it", async () => {
    const lines: string[] = [];
    const saved = AzureLogger.log;
    AzureLogger.log = (...args: unknown[]) => lines.push(args.map(String).join(" "));
    try {
      setLogLevel("info");
      const client = new AzureOpenAIClient({ endpoint, apiKey, maxRetries: 0 });
      await callJson(client, request);
      expect(lines.filter((l) => l.includes("aoai"))).toEqual([]);
      enableLogging();
      await callJson(client, request);
      const logged = lines.filter((l) => l.includes("aoai")).join("\n");
      expect(logged).toContain("Request: POST");
      expect(logged).toMatch(/api-key"?:"?REDACTED/);
      expect(logged).not.toContain(apiKey);
    } finally {
      AzureLogger.log = saved;
      setLogLevel();
    }
  });
});
