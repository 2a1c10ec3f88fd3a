import { ndjsonSource } from "@aoai/core/internal";
import { ChatStream } from "./chat-stream.js";
import type { ChatCompletionChunk } from "./response-types.js";

/**
 * Reads the NDJSON that `ChatStream.toReadableStream()` writes (e.g. a `fetch` response body from
 * your server route) back into a {@link ChatStream}, with `textDeltas()` and `finalCompletion()`.
 *
 * @example const stream = readChatStream((await fetch("/api/chat", { method: "POST", body })).body!);
 */
export function readChatStream(body: ReadableStream<Uint8Array>): ChatStream<undefined> {
  return new ChatStream<undefined>(ndjsonSource<ChatCompletionChunk>(body));
}
