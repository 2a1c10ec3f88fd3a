import { AzureOpenAIClient, type AzureOpenAIClientOptions } from "@aoai/core";
import { inject } from "vitest";
import { EmbeddingClient } from "../src/embedding-client.js";

/** The deployment the examples and the docs use; the emulator gives it 3072 dimensions. */
export const LARGE = "text-embedding-3-large";

/** An embedding client on the shared emulator (or on `endpoint`, e.g. a Prism proxy). */
export function embeddingClient(options: AzureOpenAIClientOptions = {}, deployment = LARGE): EmbeddingClient {
  const client = new AzureOpenAIClient({
    endpoint: inject("emulatorUrl"),
    apiKey: inject("emulatorApiKey"),
    maxRetries: 0,
    ...options,
  });
  return new EmbeddingClient(client, deployment);
}

/** Unit length within float32 precision. */
export function norm(v: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!;
  return Math.sqrt(sum);
}
