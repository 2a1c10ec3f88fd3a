import { AzureOpenAIClient, type AzureOpenAIClientOptions } from "@aoai/core";
import { inject } from "vitest";
import { CompletionClient } from "../src/index.js";

/** The deployment the docs and the examples use. */
export const INSTRUCT = "gpt-35-turbo-instruct";

/** A completions client on the shared emulator (or on `endpoint`, e.g. a Prism proxy). */
export function emulatorCompletions(
  options: AzureOpenAIClientOptions = {},
  endpoint = inject("emulatorUrl"),
): { client: AzureOpenAIClient; completions: CompletionClient } {
  const client = new AzureOpenAIClient({
    endpoint,
    apiKey: inject("emulatorApiKey"),
    maxRetries: 0,
    ...options,
  });
  return { client, completions: new CompletionClient(client, INSTRUCT) };
}

/** Per-call headers that script the emulator's next reply (text, finish reason, usage, filters). */
export const scripted = (reply: object) => ({ headers: { "x-aoai-emulator-reply": JSON.stringify(reply) } });

/** Per-call headers that make the emulator answer with a fault. */
export const fault = (f: object) => ({ headers: { "x-aoai-emulator-fault": JSON.stringify(f) } });

/** The Go, Java, JavaScript and Python docs' request. */
export const AZURE_DOCS = {
  prompt: ["What is Azure OpenAI, in 20 words or less"],
  max_tokens: 2048,
  temperature: 0,
};

/** The Python docs' request. */
export const HELLO = { prompt: "Hello World!", max_tokens: 100, temperature: 0 };
