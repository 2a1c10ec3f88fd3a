import { createWriteStream, openAsBlob } from "node:fs";
import { basename } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
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

/**
 * The fetch floor: a hand-written request with global fetch, a manual SSE split and JSON.parse, and
 * for embeddings base64 decoded straight into Float32Array. No retries, no validation, no typed
 * errors.
 */
export function fetchClient(t: Target): BenchClient {
  const post = (u: string, body: unknown, extra: Record<string, string> = {}) =>
    fetch(u, {
      method: "POST",
      headers: { "api-key": t.apiKey, "content-type": "application/json", ...extra },
      body: JSON.stringify(body),
    });
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
    const res = await post(u, { ...body, stream: true }, { [STREAM_CHUNKS_HEADER]: String(chunks) });
    if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
    if (!(await readFrames(res.body, onChunk))) throw new Error("stream ended before [DONE]");
  };
  const speech = async () => {
    const res = await post(speechUrl, { model: t.speechDeployment, input: SPEECH_INPUT, voice: "alloy" });
    if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
    return res.body;
  };

  return {
    async chat() {
      const res = await post(chatUrl, { messages: MESSAGES });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const json = (await res.json()) as { choices: { message: { content: string } }[] };
      return json.choices[0]!.message.content;
    },

    stream: (chunks, onChunk) => sse(chatUrl, { messages: MESSAGES }, chunks, onChunk),

    completionsStream: (chunks, onChunk) =>
      sse(completionsUrl, { prompt: COMPLETION_PROMPT, max_tokens: 16 }, chunks, onChunk),

    async embed(inputs) {
      const res = await post(embedUrl, { input: inputs, encoding_format: "base64" });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const json = (await res.json()) as { data: { embedding: string }[] };
      return decodeEmbeddings(json.data);
    },

    async transcribe(path) {
      // openAsBlob: a file-backed Blob, read from disk as the body is sent.
      const form = new FormData();
      form.set("file", await openAsBlob(path), basename(path));
      const res = await fetch(transcribeUrl, {
        method: "POST",
        headers: { "api-key": t.apiKey },
        body: form,
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return ((await res.json()) as { text: string }).text;
    },

    async speech(onFirstByte) {
      return countBytes(await speech(), onFirstByte);
    },

    async speechToFile(path) {
      const body = await speech();
      const out = createWriteStream(path);
      await pipeline(Readable.fromWeb(body as unknown as NodeWebStream<Uint8Array>), out);
      return out.bytesWritten;
    },

    async images(n, size) {
      const res = await post(imagesUrl, { prompt: IMAGE_PROMPT, n, size, response_format: "b64_json" });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const json = (await res.json()) as { data: { b64_json: string }[] };
      return json.data.map((image) => Buffer.from(image.b64_json, "base64"));
    },

    async responses() {
      const res = await post(responsesUrl, { model: t.responsesDeployment, input: RESPONSES_INPUT });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return outputText(((await res.json()) as { output: OutputItem[] }).output);
    },

    async responsesStream(deltas, onEvent) {
      const body = { model: t.responsesDeployment, input: RESPONSES_INPUT, stream: true };
      const res = await post(responsesUrl, body, {
        [REPLY_HEADER]: JSON.stringify({ stream_events: deltas }),
      });
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      await readEvents(res.body, onEvent);
    },
  };
}
