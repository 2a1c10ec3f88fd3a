import { AzureOpenAIClient, type AzureOpenAIClientOptions } from "@aoai/core";
import { FileClient } from "@aoai/files";
import { uploadAndIndex, VectorStoreClient } from "@aoai/vector-stores";
import { inject } from "vitest";
import {
  ResponseClient,
  type ResponseClientOptions,
  type ResponseFunctionTool,
  type ResponseTextFormatJsonSchema,
} from "../src/index.js";

/** A Responses client on the shared emulator (or another endpoint: a Prism proxy, a test's own emulator). */
export function emulatorResponses(
  options: AzureOpenAIClientOptions = {},
  deployment = "gpt-4.1",
  clientOptions: ResponseClientOptions = {},
  endpoint = inject("emulatorUrl"),
): { client: AzureOpenAIClient; responses: ResponseClient } {
  const client = new AzureOpenAIClient({
    endpoint,
    apiKey: inject("emulatorApiKey"),
    apiVersion: "v1",
    maxRetries: 0,
    ...options,
  });
  return { client, responses: new ResponseClient(client, deployment, clientOptions) };
}

/** Per-call headers that script the emulator's reply. */
export const scripted = (reply: object) => ({ headers: { "x-aoai-emulator-reply": JSON.stringify(reply) } });

/** Per-call headers that inject a fault. */
export const fault = (value: object) => ({ headers: { "x-aoai-emulator-fault": JSON.stringify(value) } });

/** A strict function tool taking `{ city }`. */
export const cityTool = (name = "get_weather"): ResponseFunctionTool => ({
  type: "function",
  name,
  description: "Weather",
  parameters: {
    type: "object",
    properties: { city: { type: "string" } },
    required: ["city"],
    additionalProperties: false,
  },
  strict: true,
});

/** A strict structured-output format: `{ name }`. */
export const CITY_FORMAT: { format: ResponseTextFormatJsonSchema } = {
  format: {
    type: "json_schema",
    name: "city",
    schema: {
      type: "object",
      properties: { name: { type: "string" } },
      required: ["name"],
      additionalProperties: false,
    },
    strict: true,
  },
};

/** A few markdown documents about different things, so a search has one clear best answer. */
export const DOCS: Record<string, string> = {
  "cats.md": "# Cats\nCats purr and sleep most of the day. A cat likes warm windows.",
  "rust.md": "# Rust\nThe Rust compiler checks ownership and borrowing at compile time.",
  "tea.md": "# Tea\nGreen tea is steeped at 80 degrees for two minutes.",
};

/**
 * A vector store on the shared emulator (v1 API) holding `DOCS`, uploaded through the files API
 * and indexed at once (time scale 0), every file with `attributes`; and each file's id by name.
 */
export async function indexedDocs(
  attributes: Record<string, string> | null = null,
): Promise<{ store: string; ids: Record<string, string> }> {
  const client = new AzureOpenAIClient({
    endpoint: inject("emulatorUrl"),
    apiKey: inject("emulatorApiKey"),
    apiVersion: "v1",
    maxRetries: 0,
  });
  const stores = new VectorStoreClient(client);
  const now = { headers: { "x-aoai-emulator-time-scale": "0" } };
  const store = await stores.create(
    { name: "docs", expires_after: { anchor: "last_active_at", days: 1 } },
    now,
  );
  const files = Object.entries(DOCS).map(([name, text]) => new File([text], name));
  const indexed = await uploadAndIndex(
    stores,
    new FileClient(client),
    store.id,
    { files, attributes },
    { ...now, pollInterval: 5, maxPollInterval: 20 },
  );
  if (indexed.failed.length > 0) throw new Error(`not indexed: ${JSON.stringify(indexed.failed)}`);
  const ids: Record<string, string> = {};
  for await (const file of stores.listFiles(store.id))
    ids[(await new FileClient(client).retrieve(file.id)).filename] = file.id;
  return { store: store.id, ids };
}
