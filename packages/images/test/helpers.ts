import { AzureOpenAIClient, type AzureOpenAIClientOptions } from "@aoai/core";
import { inject } from "vitest";
import { ImageClient } from "../src/index.js";

/** DALL-E 3, as the docs name the deployment; the emulator answers `url` by default. */
export const DALLE = "dall-e-3";
/** A GPT image deployment: the emulator answers `b64_json` with `usage`, and takes edits. */
export const GPT_IMAGE = "gpt-image-1";

/** An image client on the shared emulator (or on `endpoint`, e.g. a Prism proxy). */
export function imageClient(
  options: AzureOpenAIClientOptions = {},
  deployment = DALLE,
  endpoint = inject("emulatorUrl"),
): ImageClient {
  const client = new AzureOpenAIClient({
    endpoint,
    apiKey: inject("emulatorApiKey"),
    maxRetries: 0,
    ...options,
  });
  return new ImageClient(client, deployment);
}

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Per-call headers that make the emulator answer with a fault. */
export const fault = (value: object) => ({ headers: { "x-aoai-emulator-fault": JSON.stringify(value) } });
