/** Where the clients connect, and what they ask for. */
export interface Target {
  endpoint: string;
  /**
   * The bench's own front (front.ts), in the server process: embeddings pre-serialized,
   * and the bench-only audio and image routes. Every client uses it for those calls.
   */
  frontEndpoint: string;
  apiKey: string;
  apiVersion: string;
  /** The version of the audio and image calls (speech needs a preview version in @aoai/audio). */
  previewApiVersion: string;
  chatDeployment: string;
  embeddingDeployment: string;
  completionsDeployment: string;
  transcribeDeployment: string;
  speechDeployment: string;
  imageDeployment: string;
  /** The Responses API's deployment, on the v1 route (`model` = this name, no api-version). */
  responsesDeployment: string;
}

/** The header of the emulator's long-stream control (see packages/emulator/README.md). */
export const STREAM_CHUNKS_HEADER = "x-aoai-emulator-stream-chunks";

export const MESSAGES = [
  { role: "system" as const, content: "You are a helpful assistant." },
  { role: "user" as const, content: "Say hello in five words." },
];

/** The emulator's scripted-reply header; `{"stream_events": n}` makes a response of n text deltas. */
export const REPLY_HEADER = "x-aoai-emulator-reply";
export const RESPONSES_INPUT = "Say hello in five words.";

export const COMPLETION_PROMPT = "Write a long story about a lighthouse keeper.";
export const SPEECH_INPUT = "The quick brown fox jumps over the lazy dog.";
export const IMAGE_PROMPT = "A lighthouse at dawn, watercolor";

/** One client under test; every method makes exactly one HTTP request. */
export interface BenchClient {
  /** A non-streaming chat completion; returns the reply text. */
  chat(): Promise<string>;
  /** A streamed chat completion of `chunks` content chunks; `onChunk` runs for every chunk the client yields. */
  stream(chunks: number, onChunk: (chunk: unknown) => void): Promise<void>;
  /** A streamed legacy completion of `chunks` text chunks. */
  completionsStream(chunks: number, onChunk: (chunk: unknown) => void): Promise<void>;
  /** Embeds `inputs` with the client's default settings; returns how many vectors and their size. */
  embed(inputs: string[]): Promise<{ count: number; dims: number }>;
  /** Uploads the audio file at `path` for transcription (`json` format); returns the text. */
  transcribe(path: string): Promise<string>;
  /**
   * Asks for speech and reads the body as it arrives without keeping it; `onFirstByte` runs at the
   * first body bytes. Returns the bytes read.
   */
  speech(onFirstByte: () => void): Promise<number>;
  /** Asks for speech and streams the body into the file at `path`; returns the bytes written. */
  speechToFile(path: string): Promise<number>;
  /** Generates `n` images of `size` as `b64_json` and decodes them to bytes. */
  images(n: number, size: "1536x1024"): Promise<Uint8Array[]>;
  /** A non-streamed response (Responses API, v1 route); returns its output text. */
  responses(): Promise<string>;
  /**
   * Uploads every file of the folder `dir` and indexes them in a new vector store (batches of at
   * most 500, the service's limit), waiting with `pollMs` between polls; returns how many were
   * indexed. Only @aoai and openai have it (the floors have no uploads-and-poll helper).
   */
  indexFiles?(dir: string, pollMs: number): Promise<number>;
  /** A streamed response of `deltas` text deltas; `onEvent` runs for every event the client yields. */
  responsesStream(deltas: number, onEvent: (event: unknown) => void): Promise<void>;
}

/** Reads a body to its end without keeping it, as `BenchClient.speech` says: the bytes read. */
export async function countBytes(body: AsyncIterable<Uint8Array>, onFirstByte: () => void): Promise<number> {
  let bytes = 0;
  for await (const chunk of body) {
    if (bytes === 0) onFirstByte();
    bytes += chunk.byteLength;
  }
  return bytes;
}

export type ClientName = "aoai" | "openai" | "http" | "fetch";
/** @aoai, its peer, the floor of its own transport (core-rest-pipeline's node:http client), bare fetch. */
export const CLIENT_NAMES: readonly ClientName[] = ["aoai", "openai", "http", "fetch"];

export async function loadClient(name: ClientName, target: Target): Promise<BenchClient> {
  switch (name) {
    case "aoai":
      return (await import("./aoai.ts")).aoaiClient(target);
    case "openai":
      return (await import("./openai.ts")).openaiClient(target);
    case "http":
      return (await import("./http.ts")).httpClient(target);
    case "fetch":
      return (await import("./fetch.ts")).fetchClient(target);
  }
}
