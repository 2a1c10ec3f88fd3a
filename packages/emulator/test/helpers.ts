import { inject } from "vitest";

/** Parsed wire JSON; the tests' assertions are what check its shape. */
// biome-ignore lint/suspicious/noExplicitAny: wire JSON is checked by assertions, not types
export type Wire = any;

/** Azure-style URL of a deployment operation. */
export function deploymentUrl(
  base: string,
  deployment: string,
  op: string,
  apiVersion = "2024-10-21",
): string {
  return `${base}/openai/deployments/${deployment}/${op}?api-version=${apiVersion}`;
}

/** POSTs JSON with the emulator's default key; returns the response and its text. */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ res: Response; text: string; json: () => Wire }> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "api-key": "emulator-key", "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { res, text, json: () => JSON.parse(text) };
}

/** The JSON payloads of an SSE body, `[DONE]` as the string "[DONE]". */
export function sseData(text: string): Wire[] {
  return text
    .split("\n\n")
    .filter((frame) => frame.startsWith("data: "))
    .map((frame) => {
      const data = frame.slice(6);
      return data === "[DONE]" ? data : JSON.parse(data);
    });
}

/** The shared emulator that test-utils/global-setup.ts started. */
export function sharedEmulator(): { url: string; apiKey: string } {
  return { url: inject("emulatorUrl"), apiKey: inject("emulatorApiKey") };
}

export const USER_CHAT = { messages: [{ role: "user", content: "What is the capital of France?" }] };
