import { EventStream, type StreamEnd } from "../sse/event-stream.js";
import type { Reader } from "./reader.js";

/**
 * Reads a server-sent-event stream of JSON objects: resolves once the headers are in, and the
 * events are read by iterating the {@link EventStream}. Nothing is retried once it is handed over.
 * @param end where the stream ends. @default "[DONE]"
 */
export function sse<T>(end: StreamEnd<T> = "[DONE]"): Reader<EventStream<T>> {
  return { accept: "text/event-stream", streams: true, read: (sent) => new EventStream<T>(sent, end) };
}
