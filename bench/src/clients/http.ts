import { createReadStream, createWriteStream, statSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { decodeEmbeddings, floorUrls, type OutputItem, outputText, readEvents, readFrames } from "./floor.ts";
import {
  type BenchClient,
  COMPLETION_PROMPT,
  countBytes,
  IMAGE_PROMPT,
  MESSAGES,
  REPLY_HEADER,
  RESPONSES_INPUT,
  SPEECH_INPUT,
  STREAM_CHUNKS_HEADER,
  type Target,
} from "./types.ts";

/** The part of @azure/core-rest-pipeline the floor uses (the bench does not depend on its types). */
interface Transport {
  createDefaultHttpClient(): { sendRequest(request: object): Promise<TransportResponse> };
  createHttpHeaders(raw: Record<string, string>): object;
}
interface TransportResponse {
  status: number;
  bodyAsText?: string | null;
  readableStreamBody?: NodeJS.ReadableStream & AsyncIterable<Buffer>;
}

/**
 * The copy of @azure/core-rest-pipeline that @aoai/core itself loads (resolved from core's own
 * folder), so the floor runs on exactly the transport the SDK runs on.
 */
export function transportUrl(): string {
  const core = createRequire(fileURLToPath(import.meta.resolve("@aoai/core")));
  const dir = dirname(core.resolve("@azure/core-rest-pipeline/package.json"));
  return pathToFileURL(join(dir, "dist/esm/index.js")).href;
}

export async function loadTransport(): Promise<Transport> {
  return (await import(transportUrl())) as Transport;
}

const STREAMED = new Set([200]);

/**
 * The floor of the SDK's own transport: @azure/core-rest-pipeline's `createDefaultHttpClient()`
 * (node:http, keep-alive agent) called directly with a plain request object, a hand-split SSE
 * and `JSON.parse`; no SDK code, no retries, no timeout, no validation. What the SDK costs above
 * this row is what its own code costs.
 */
export async function httpClient(t: Target): Promise<BenchClient> {
  const transport = await loadTransport();
  const http = transport.createDefaultHttpClient();
  const send = (u: string, body: unknown, extra: Record<string, string> = {}, stream = false) =>
    http.sendRequest({
      url: u,
      method: "POST",
      headers: transport.createHttpHeaders({
        "api-key": t.apiKey,
        "content-type": "application/json",
        ...extra,
      }),
      body: typeof body === "string" || typeof body === "function" ? body : JSON.stringify(body),
      timeout: 0,
      withCredentials: false,
      requestId: "",
      allowInsecureConnection: true,
      streamResponseStatusCodes: stream ? STREAMED : undefined,
    });
  const json = async <T>(u: string, body: unknown, extra?: Record<string, string>): Promise<T> => {
    const res = await send(u, body, extra);
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    return JSON.parse(res.bodyAsText!) as T;
  };
  const {
    chat: chatUrl,
    completions: completionsUrl,
    embed: embedUrl,
    transcribe: transcribeUrl,
    speech: speechUrl,
    images: imagesUrl,
    responses: responsesUrl,
  } = floorUrls(t);

  const sse = async (u: string, body: object, chunks: number, onChunk: (chunk: unknown) => void) => {
    const res = await send(u, { ...body, stream: true }, { [STREAM_CHUNKS_HEADER]: String(chunks) }, true);
    const stream = res.readableStreamBody;
    if (res.status !== 200 || !stream) throw new Error(`HTTP ${res.status}`);
    if (!(await readFrames(stream, onChunk))) throw new Error("stream ended before [DONE]");
    stream.resume(); // drain the end of the chunked body, so keep-alive reuses the socket
  };
  const speech = async () => {
    const body = { model: t.speechDeployment, input: SPEECH_INPUT, voice: "alloy" };
    const res = await send(speechUrl, body, {}, true);
    if (res.status !== 200 || !res.readableStreamBody) throw new Error(`HTTP ${res.status}`);
    return res.readableStreamBody;
  };

  return {
    async chat() {
      const r = await json<{ choices: { message: { content: string } }[] }>(chatUrl, { messages: MESSAGES });
      return r.choices[0]!.message.content;
    },

    stream: (chunks, onChunk) => sse(chatUrl, { messages: MESSAGES }, chunks, onChunk),

    completionsStream: (chunks, onChunk) =>
      sse(completionsUrl, { prompt: COMPLETION_PROMPT, max_tokens: 16 }, chunks, onChunk),

    async embed(inputs) {
      const r = await json<{ data: { embedding: string }[] }>(embedUrl, {
        input: inputs,
        encoding_format: "base64",
      });
      return decodeEmbeddings(r.data);
    },

    async transcribe(path) {
      // multipart/form-data by hand, the file streamed from disk.
      const boundary = `----bench${Date.now()}`;
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${basename(path)}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      );
      const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
      const length = head.length + statSync(path).size + tail.length;
      const body = () =>
        Readable.from(
          (async function* () {
            yield head;
            yield* createReadStream(path);
            yield tail;
          })(),
          { objectMode: false },
        );
      const r = await json<{ text: string }>(transcribeUrl, body, {
        "content-type": `multipart/form-data; boundary=${boundary}`,
        "content-length": String(length),
      });
      return r.text;
    },

    async speech(onFirstByte) {
      return countBytes(await speech(), onFirstByte);
    },

    async speechToFile(path) {
      const out = createWriteStream(path);
      await pipeline(await speech(), out);
      return out.bytesWritten;
    },

    async images(n, size) {
      const r = await json<{ data: { b64_json: string }[] }>(imagesUrl, {
        prompt: IMAGE_PROMPT,
        n,
        size,
        response_format: "b64_json",
      });
      return r.data.map((image) => Buffer.from(image.b64_json, "base64"));
    },

    async responses() {
      const r = await json<{ output: OutputItem[] }>(responsesUrl, {
        model: t.responsesDeployment,
        input: RESPONSES_INPUT,
      });
      return outputText(r.output);
    },

    async responsesStream(deltas, onEvent) {
      const body = { model: t.responsesDeployment, input: RESPONSES_INPUT, stream: true };
      const res = await send(
        responsesUrl,
        body,
        { [REPLY_HEADER]: JSON.stringify({ stream_events: deltas }) },
        true,
      );
      const stream = res.readableStreamBody;
      if (res.status !== 200 || !stream) throw new Error(`HTTP ${res.status}`);
      await readEvents(stream, onEvent);
    },
  };
}
