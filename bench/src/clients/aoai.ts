import { AzureOpenAIClient } from "@aoai/core";
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
 * This project: each feature package with defaults over an `AzureOpenAIClient`. A package is
 * imported on first use (in the warm-up), so a chat process carries no audio or image code, as an
 * app that only chats would not.
 */
export function aoaiClient(t: Target): BenchClient {
  const core = (endpoint: string, apiVersion?: string) =>
    new AzureOpenAIClient({ endpoint, apiKey: t.apiKey, ...(apiVersion ? { apiVersion } : {}) });
  const once = <T>(make: () => Promise<T>) => {
    let made: Promise<T> | undefined;
    return () => (made ??= make());
  };
  const chat = once(
    async () => new (await import("@aoai/chat")).ChatClient(core(t.endpoint), t.chatDeployment),
  );
  const completions = once(
    async () =>
      new (await import("@aoai/completions")).CompletionClient(core(t.endpoint), t.completionsDeployment),
  );
  const embeddings = once(
    async () =>
      new (await import("@aoai/embeddings")).EmbeddingClient(core(t.frontEndpoint), t.embeddingDeployment),
  );
  const audio = once(async () => {
    const m = await import("@aoai/audio");
    const client = core(t.frontEndpoint, t.previewApiVersion);
    return {
      m,
      whisper: new m.AudioClient(client, t.transcribeDeployment),
      tts: new m.AudioClient(client, t.speechDeployment),
    };
  });
  const images = once(async () => {
    const m = await import("@aoai/images");
    return { m, client: new m.ImageClient(core(t.frontEndpoint, t.previewApiVersion), t.imageDeployment) };
  });
  const responses = once(
    async () =>
      new (await import("@aoai/responses")).ResponseClient(core(t.endpoint, "v1"), t.responsesDeployment),
  );
  const stores = once(async () => {
    const m = await import("@aoai/vector-stores");
    const client = core(t.endpoint);
    return {
      m,
      stores: new m.VectorStoreClient(client),
      files: new (await import("@aoai/files")).FileClient(client),
    };
  });
  let chatClient: Awaited<ReturnType<typeof chat>> | undefined;

  return {
    async chat() {
      chatClient ??= await chat();
      const completion = await chatClient.complete({ messages: MESSAGES });
      return completion.choices[0]?.message.content ?? "";
    },

    async stream(chunks, onChunk) {
      chatClient ??= await chat();
      const stream = await chatClient.stream(
        { messages: MESSAGES },
        { headers: { [STREAM_CHUNKS_HEADER]: String(chunks) } },
      );
      for await (const chunk of stream) onChunk(chunk);
    },

    async completionsStream(chunks, onChunk) {
      const stream = await (await completions()).stream(
        { prompt: COMPLETION_PROMPT, max_tokens: 16 },
        { headers: { [STREAM_CHUNKS_HEADER]: String(chunks) } },
      );
      for await (const chunk of stream) onChunk(chunk);
    },

    async embed(inputs) {
      const result = await (await embeddings()).embed({ input: inputs });
      return { count: result.data.length, dims: result.data[0]!.embedding.length };
    },

    async transcribe(path) {
      const { whisper } = await audio();
      return (await whisper.transcribe({ file: path })).text;
    },

    async speech(onFirstByte) {
      const { m, tts } = await audio();
      return countBytes(await m.createSpeech(tts, { input: SPEECH_INPUT, voice: "alloy" }), onFirstByte);
    },

    async speechToFile(path) {
      const { m, tts } = await audio();
      return (await m.saveSpeech(tts, { input: SPEECH_INPUT, voice: "alloy" }, path)).bytes;
    },

    async images(n, size) {
      const { m, client } = await images();
      const result = await client.generate({ prompt: IMAGE_PROMPT, n, size, response_format: "b64_json" });
      return Promise.all(result.data.map((image) => m.imageBytes(client, image)));
    },

    async responses() {
      return (await (await responses()).create({ input: RESPONSES_INPUT })).output_text;
    },

    async responsesStream(deltas, onEvent) {
      const stream = await (await responses()).stream(
        { input: RESPONSES_INPUT },
        { headers: { [REPLY_HEADER]: JSON.stringify({ stream_events: deltas }) } },
      );
      for await (const event of stream) onEvent(event);
    },

    async indexFiles(dir, pollMs) {
      const { m, stores: client, files } = await stores();
      const store = await client.create({ name: "bench" });
      const result = await m.uploadAndIndex(
        client,
        files,
        store.id,
        { files: dir },
        {
          pollInterval: pollMs,
          maxPollInterval: pollMs,
        },
      );
      if (result.failed.length) throw new Error(`${result.failed.length} files not indexed`);
      return result.file_counts.completed;
    },
  };
}
