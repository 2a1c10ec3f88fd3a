import { InvalidResponseError } from "@aoai/core";
import { ChatStream } from "./chat-stream.js";
import type { ChatCompletionChunk } from "./response-types.js";

/**
 * Reads the NDJSON that `ChatStream.toReadableStream()` writes (e.g. a `fetch` response body from
 * your server route) back into a {@link ChatStream}, with `textDeltas()` and `finalCompletion()`.
 *
 * @example const stream = readChatStream((await fetch("/api/chat", { method: "POST", body })).body!);
 */
export function readChatStream(body: ReadableStream<Uint8Array>): ChatStream<undefined> {
  const reader = body.getReader();
  async function* chunks(): AsyncGenerator<ChatCompletionChunk, void, undefined> {
    const decoder = new TextDecoder();
    let buffer = "";
    let finished = false;
    try {
      while (true) {
        const { done, value } = await reader.read();
        buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
        let start = 0;
        for (let newline = buffer.indexOf("\n"); newline >= 0; newline = buffer.indexOf("\n", start)) {
          const line = buffer.slice(start, newline).trim();
          start = newline + 1;
          if (line) yield parse(line);
        }
        buffer = buffer.slice(start);
        if (done) break;
      }
      if (buffer.trim()) yield parse(buffer.trim());
      finished = true;
    } finally {
      if (!finished) await reader.cancel().catch(() => {});
    }
  }
  const source = chunks();
  return new ChatStream<undefined>({
    [Symbol.asyncIterator]: () => source,
    abort: () => void source.return().catch(() => {}),
  });
}

function parse(line: string): ChatCompletionChunk {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new InvalidResponseError("A line of the chat stream is not valid JSON.", line, undefined);
  }
  if (!value || typeof value !== "object" || Array.isArray(value))
    throw new InvalidResponseError("A line of the chat stream is not a JSON object.", line, undefined);
  return value as ChatCompletionChunk;
}
