import { createReadStream, createWriteStream, readdirSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import { AzureOpenAI, OpenAI } from "openai";
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
 * The peer: openai's AzureOpenAI with its defaults. A client given `deployment` sends every call to
 * that deployment's URL, so each deployment gets its own client, as users write it. Uploads are a
 * `fs.createReadStream` (openai's README), speech is streamed to the file with `pipeline`, image
 * bytes come from `Buffer.from(b64_json, "base64")`.
 */
export function openaiClient(t: Target): BenchClient {
  const clients = new Map<string, AzureOpenAI>();
  const client = (endpoint: string, deployment: string, apiVersion = t.apiVersion) => {
    const key = `${endpoint} ${deployment}`;
    let c = clients.get(key);
    if (!c) {
      c = new AzureOpenAI({ endpoint, apiKey: t.apiKey, apiVersion, deployment });
      clients.set(key, c);
    }
    return c;
  };
  let chatClient: AzureOpenAI | undefined;
  // Azure's v1 route takes the OpenAI client as it is (Microsoft's v1 how-to), model = deployment.
  let v1Client: OpenAI | undefined;
  const v1 = () => (v1Client ??= new OpenAI({ baseURL: `${t.endpoint}/openai/v1/`, apiKey: t.apiKey }));
  const chat = () => (chatClient ??= client(t.endpoint, t.chatDeployment));
  const speech = () =>
    client(t.frontEndpoint, t.speechDeployment, t.previewApiVersion).audio.speech.create({
      model: t.speechDeployment,
      input: SPEECH_INPUT,
      voice: "alloy",
    });

  return {
    async chat() {
      const completion = await chat().chat.completions.create({
        model: t.chatDeployment,
        messages: MESSAGES,
      });
      return completion.choices[0]?.message.content ?? "";
    },

    async stream(chunks, onChunk) {
      const stream = await chat().chat.completions.create(
        { model: t.chatDeployment, messages: MESSAGES, stream: true },
        { headers: { [STREAM_CHUNKS_HEADER]: String(chunks) } },
      );
      for await (const chunk of stream) onChunk(chunk);
    },

    async completionsStream(chunks, onChunk) {
      const stream = await client(t.endpoint, t.completionsDeployment).completions.create(
        { model: t.completionsDeployment, prompt: COMPLETION_PROMPT, max_tokens: 16, stream: true },
        { headers: { [STREAM_CHUNKS_HEADER]: String(chunks) } },
      );
      for await (const chunk of stream) onChunk(chunk);
    },

    async embed(inputs) {
      const result = await client(t.frontEndpoint, t.embeddingDeployment).embeddings.create({
        input: inputs,
        model: t.embeddingDeployment,
      });
      return { count: result.data.length, dims: result.data[0]!.embedding.length };
    },

    async transcribe(path) {
      const result = await client(
        t.frontEndpoint,
        t.transcribeDeployment,
        t.previewApiVersion,
      ).audio.transcriptions.create({ file: createReadStream(path), model: t.transcribeDeployment });
      return result.text;
    },

    async speech(onFirstByte) {
      return countBytes((await speech()).body as unknown as AsyncIterable<Uint8Array>, onFirstByte);
    },

    async speechToFile(path) {
      const res = await speech();
      const out = createWriteStream(path);
      await pipeline(Readable.fromWeb(res.body as unknown as NodeWebStream<Uint8Array>), out);
      return out.bytesWritten;
    },

    async images(n, size) {
      const result = await client(t.frontEndpoint, t.imageDeployment, t.previewApiVersion).images.generate({
        model: t.imageDeployment,
        prompt: IMAGE_PROMPT,
        n,
        size,
        response_format: "b64_json",
      });
      return (result.data ?? []).map((image) => Buffer.from(image.b64_json!, "base64"));
    },

    async responses() {
      const response = await v1().responses.create({ model: t.responsesDeployment, input: RESPONSES_INPUT });
      return response.output_text;
    },

    async responsesStream(deltas, onEvent) {
      const stream = v1().responses.stream(
        { model: t.responsesDeployment, input: RESPONSES_INPUT },
        { headers: { [REPLY_HEADER]: JSON.stringify({ stream_events: deltas }) } },
      );
      for await (const event of stream) onEvent(event);
    },

    async indexFiles(dir, pollMs) {
      // uploadAndPoll puts every file in one batch, and a batch takes at most 500: two calls, as
      // a user of 1,000 files must write it.
      const names = readdirSync(dir);
      const store = await v1().vectorStores.create({ name: "bench" });
      let completed = 0;
      for (let i = 0; i < names.length; i += 500) {
        const files = names.slice(i, i + 500).map((name) => createReadStream(join(dir, name)));
        const batch = await v1().vectorStores.fileBatches.uploadAndPoll(
          store.id,
          { files },
          { pollIntervalMs: pollMs },
        );
        if (batch.status !== "completed" || batch.file_counts.failed)
          throw new Error(`batch ${batch.status}`);
        completed += batch.file_counts.completed;
      }
      return completed;
    },
  };
}
