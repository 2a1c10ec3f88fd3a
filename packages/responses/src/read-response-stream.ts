import { ndjsonSource } from "@aoai/core/internal";
import { ResponseStream } from "./response-stream.js";
import type { ResponseStreamEvent } from "./stream-events.js";

/**
 * Reads the NDJSON that `ResponseStream.toReadableStream()` writes (a `fetch` body from your
 * server route) back into a {@link ResponseStream}, with `textDeltas()` and `finalResponse()`.
 */
export function readResponseStream(body: ReadableStream<Uint8Array>): ResponseStream<undefined> {
  return new ResponseStream<undefined>(ndjsonSource<ResponseStreamEvent>(body));
}
