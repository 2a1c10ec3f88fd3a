import { AzureOpenAIClient, type AzureOpenAIClientOptions } from "@aoai/core";
import { FileClient } from "@aoai/files";
import { inject } from "vitest";
import { VectorStoreClient } from "../src/vector-store-client.js";

/** Vector store and file clients on the shared emulator (or on `options.endpoint`). */
export function clients(options: AzureOpenAIClientOptions = {}): {
  stores: VectorStoreClient;
  files: FileClient;
} {
  const client = new AzureOpenAIClient({
    endpoint: inject("emulatorUrl"),
    apiKey: inject("emulatorApiKey"),
    apiVersion: "2025-04-01-preview",
    maxRetries: 0,
    ...options,
  });
  return { stores: new VectorStoreClient(client), files: new FileClient(client) };
}

/** Per-call headers that make the emulator run the created resource on time scale `scale`. */
export const timeScale = (scale: number) => ({ headers: { "x-aoai-emulator-time-scale": String(scale) } });

/** Fast polling for tests. */
export const fast = { pollInterval: 5, maxPollInterval: 20 };

/** A few markdown documents about different things, so search has a clear best answer. */
export const DOCS: Record<string, string> = {
  "cats.md": "# Cats\nCats purr and sleep most of the day. A cat likes warm windows.",
  "rust.md": "# Rust\nThe Rust compiler checks ownership and borrowing at compile time.",
  "tea.md": "# Tea\nGreen tea is steeped at 80 degrees for two minutes.",
};

/** Uploads `DOCS` for retrieval (processed at once); returns their ids in `DOCS` order. */
export async function uploadDocs(files: FileClient): Promise<string[]> {
  return Promise.all(
    Object.entries(DOCS).map(
      async ([name, text]) =>
        (await files.upload({ file: new File([text], name), purpose: "assistants" }, timeScale(0))).id,
    ),
  );
}
