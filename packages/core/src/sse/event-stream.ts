import type { PipelineResponse } from "@azure/core-rest-pipeline";
import { AOAIError } from "../errors/aoai-error.js";
import type { ResponseInfo } from "../response-info.js";
import type { SentResponse } from "../send.js";
import { EventReader } from "./event-reader.js";

/**
 * Where an event stream ends: at a `data: [DONE]` event (chat, completions); at the end of the
 * body (`"eof"`); or after the event for which a function returns true (streamed transcription's
 * `transcript.text.done`, the Responses API's `response.completed`). A body that ends before its
 * `[DONE]` or terminal event is an incomplete answer and throws `InvalidResponseError`.
 */
export type StreamEnd<T> = "[DONE]" | "eof" | ((value: T, event: string | undefined) => boolean);

/**
 * A server-sent-event response as an async iterable of parsed JSON objects. Errors sent inside
 * the stream (`event: error`, or a payload with a top-level `error`) are thrown as typed errors.
 * Leaving the loop early (break, return, throw) aborts the request. Iterable once.
 */
export class EventStream<T> implements AsyncIterable<T> {
  /** The HTTP exchange; headers (request id, rate limits) are known before the first event. */
  readonly _response: ResponseInfo;
  readonly #raw: PipelineResponse;
  readonly #controller: AbortController;
  readonly #signal: AbortSignal | undefined;
  readonly #end: StreamEnd<T>;
  readonly #idleTimeoutMs: number;
  readonly #release: (() => void) | undefined;
  #started = false;

  /** @internal made by the `sse` reader. */
  constructor(sent: SentResponse, end: StreamEnd<T>) {
    this._response = sent.info;
    this.#raw = sent.raw;
    this.#controller = sent.controller;
    this.#signal = sent.signal;
    this.#end = end;
    this.#idleTimeoutMs = sent.idleTimeoutMs;
    this.#release = sent.release;
  }

  /** Stops the stream and releases the connection; a loop still reading it gets `APIUserAbortError`. */
  abort(): void {
    this.#controller.abort();
  }

  [Symbol.asyncIterator](): AsyncIterator<T, undefined> {
    if (this.#started) throw new AOAIError("This stream was already iterated; a stream can be read once.");
    this.#started = true;
    return new EventReader<T>(
      this.#raw,
      this._response,
      this.#controller,
      this.#signal,
      this.#end,
      this.#idleTimeoutMs,
      this.#release,
    );
  }
}
