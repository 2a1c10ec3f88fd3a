/** Where the clients connect, and what they ask for. */
export interface Target {
  endpoint: string;
  /** The endpoint for embeddings: the server's pre-serializing front (see embeddings-cache.ts). */
  embeddingsEndpoint: string;
  apiKey: string;
  apiVersion: string;
  chatDeployment: string;
  embeddingDeployment: string;
}

/** The header of the emulator's long-stream control (see packages/emulator/README.md). */
export const STREAM_CHUNKS_HEADER = "x-aoai-emulator-stream-chunks";

export const MESSAGES = [
  { role: "system" as const, content: "You are a helpful assistant." },
  { role: "user" as const, content: "Say hello in five words." },
];

/** One client under test; every method makes exactly one HTTP request. */
export interface BenchClient {
  /** A non-streaming chat completion; returns the reply text. */
  chat(): Promise<string>;
  /** A streamed chat completion of `chunks` content chunks; `onChunk` runs for every chunk the client yields. */
  stream(chunks: number, onChunk: (chunk: unknown) => void): Promise<void>;
  /** Embeds `inputs` with the client's default settings; returns how many vectors and their size. */
  embed(inputs: string[]): Promise<{ count: number; dims: number }>;
}

export type ClientName = "aoai" | "openai" | "fetch";
export const CLIENT_NAMES: readonly ClientName[] = ["aoai", "openai", "fetch"];

export async function loadClient(name: ClientName, target: Target): Promise<BenchClient> {
  switch (name) {
    case "aoai":
      return (await import("./aoai.ts")).aoaiClient(target);
    case "openai":
      return (await import("./openai.ts")).openaiClient(target);
    case "fetch":
      return (await import("./fetch.ts")).fetchClient(target);
  }
}
