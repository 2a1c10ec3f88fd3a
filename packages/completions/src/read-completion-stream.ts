import { ndjsonSource } from "@aoai/core/internal";
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
  return new CompletionStream<undefined>(ndjsonSource<CompletionChunk>(body));
}
