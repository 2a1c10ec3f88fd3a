import { InvalidResponseError } from "@aoai/core";
import { CompletionStream } from "./completion-stream.js";
import type { CompletionChunk } from "./response-types.js";

/**
 * Reads the NDJSON that `CompletionStream.toReadableStream()` writes (e.g. a `fetch` response body
 * from your server route) back into a {@link CompletionStream}, with `textDeltas()` and
 * `finalCompletion()`.
 *
 * @example const stream = readCompletionStream((await fetch("/api/complete", { method: "POST", body })).body!);
 */
export function readCompletionStream(body: ReadableStream<Uint8Array>): CompletionStream<undefined> {
  const reader = body.getReader();
  async function* chunks(): AsyncGenerator<CompletionChunk, void, undefined> {
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
  return new CompletionStream<undefined>({
    [Symbol.asyncIterator]: () => source,
    abort: () => void source.return().catch(() => {}),
  });
}

function parse(line: string): CompletionChunk {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new InvalidResponseError("A line of the completion stream is not valid JSON.", line, undefined);
  }
  if (!value || typeof value !== "object" || Array.isArray(value))
    throw new InvalidResponseError("A line of the completion stream is not a JSON object.", line, undefined);
  return value as CompletionChunk;
}
