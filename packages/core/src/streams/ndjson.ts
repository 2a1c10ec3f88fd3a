import { InvalidResponseError } from "../errors/invalid-response-error.js";
import type { ChunkSource } from "./chunk-stream.js";

/**
 * The objects of an NDJSON body, one per line (what `ChunkStream.toReadableStream()` writes), as a
 * chunk source: a line that is not a JSON object is an `InvalidResponseError`; aborting, or
 * leaving early, cancels the body.
 */
export function ndjsonSource<C>(body: ReadableStream<Uint8Array>): ChunkSource<C> {
  const reader = body.getReader();
  async function* chunks(): AsyncGenerator<C, void, undefined> {
    const decoder = new TextDecoder();
    let buffer = "";
    let finished = false;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
        let start = 0;
        for (let newline = buffer.indexOf("\n"); newline >= 0; newline = buffer.indexOf("\n", start)) {
          const line = buffer.slice(start, newline).trim();
          start = newline + 1;
          if (line) yield parse<C>(line);
        }
        buffer = buffer.slice(start);
        if (done) break;
      }
      if (buffer.trim()) yield parse<C>(buffer.trim());
      finished = true;
    } finally {
      if (!finished) await reader.cancel().catch(() => {});
    }
  }
  const source = chunks();
  return { [Symbol.asyncIterator]: () => source, abort: () => void source.return().catch(() => {}) };
}

function parse<C>(line: string): C {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new InvalidResponseError("A line of the NDJSON stream is not valid JSON.", line, undefined);
  }
  if (!value || typeof value !== "object" || Array.isArray(value))
    throw new InvalidResponseError("A line of the NDJSON stream is not a JSON object.", line, undefined);
  return value as C;
}
