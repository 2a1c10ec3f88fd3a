import { AzureOpenAIClient, type AzureOpenAIClientOptions } from "@aoai/core";
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
