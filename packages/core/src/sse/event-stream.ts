import { AOAIError } from "../errors/aoai-error.js";
import type { ResponseInfo } from "../response-info.js";
import { EventReader } from "./event-reader.js";

/**
 * A server-sent-event response as an async iterable of parsed JSON payloads, ending at `[DONE]`.
 * Errors sent inside the stream (`event: error`, or a payload with a top-level `error`) are thrown
 * as typed errors. Leaving the loop early (break, return, throw) aborts the request. Iterable once.
 */
export class EventStream<T> implements AsyncIterable<T> {
  /** The HTTP exchange; headers (request id, rate limits) are known before the first event. */
  readonly _response: ResponseInfo;
  private readonly controller: AbortController;
  private readonly signal: AbortSignal | undefined;
  private started = false;

  /** @internal built by the client: `controller` aborts the request, `signal` is the caller's. */
  constructor(info: ResponseInfo, controller: AbortController, signal: AbortSignal | undefined) {
    this._response = info;
    this.controller = controller;
    this.signal = signal;
  }

  /** Stops the stream and releases the connection. */
  abort(): void {
    this.controller.abort();
  }

  [Symbol.asyncIterator](): AsyncIterator<T, undefined> {
    if (this.started) throw new AOAIError("This stream was already iterated; a stream can be read once.");
    this.started = true;
    return new EventReader<T>(this._response.raw, this._response.requestId, this.controller, this.signal);
  }
}
