import { AzureOpenAIClient, type AzureOpenAIClientOptions } from "@aoai/core";
import { inject } from "vitest";
import { ChatClient, type ChatMessage } from "../src/index.js";

/** A chat client on the shared emulator (or on a Prism proxy in front of it). */
export function emulatorChat(
  options: AzureOpenAIClientOptions = {},
  endpoint = inject("emulatorUrl"),
): { client: AzureOpenAIClient; chat: ChatClient } {
  const client = new AzureOpenAIClient({
    endpoint,
    apiKey: inject("emulatorApiKey"),
    maxRetries: 0,
    ...options,
  });
  return { client, chat: new ChatClient(client, "gpt-4o") };
}

/** Per-call headers that script the emulator's next reply. */
export const scripted = (reply: object) => ({ headers: { "x-aoai-emulator-reply": JSON.stringify(reply) } });

export const PIRATE: ChatMessage[] = [
  { role: "system", content: "You are a helpful assistant that talks like a pirate." },
  { role: "user", content: "Hi, can you help me?" },
  { role: "assistant", content: "Arrr! Of course, me hearty! What can I do for ye?" },
  { role: "user", content: "What's the best way to train a parrot?" },
];
