import type { PipelineResponse } from "@azure/core-rest-pipeline";
import { AOAIError } from "../errors/aoai-error.js";
import type { ErrorBody } from "../errors/api-error.js";
import { APIConnectionTimeoutError, APIUserAbortError } from "../errors/connection-errors.js";
import { errorFromResponse } from "../errors/error-from-response.js";
import { InvalidResponseError } from "../errors/invalid-response-error.js";
import type { SentResponse } from "../readers/reader.js";
import type { ResponseInfo } from "../response-info.js";
import { DONE } from "../streams/done.js";
import { bodyBytes } from "../transport/body-bytes.js";
import { IdleWatch } from "../transport/idle-watch.js";
import { toSdkError } from "../transport/to-sdk-error.js";
import { SseDecoder, type SseEvent } from "./sse-decoder.js";

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
 *
 * It is its own iterator, written out rather than as an async generator: one network read holds
 * about a hundred events, and for each of them a generator's `yield` costs extra promise turns
 * that showed as a tenth of the streaming CPU profile (bench/src/profile.ts). An event already
 * read is returned at once; only an empty buffer waits on the network.
 */
export class EventStream<T> implements AsyncIterable<T>, AsyncIterator<T, undefined> {
  /** The HTTP exchange; headers (request id, rate limits) are known before the first event. */
  readonly _response: ResponseInfo;
  readonly #raw: PipelineResponse;
  readonly #controller: AbortController;
  readonly #signal: AbortSignal | undefined;
  readonly #end: StreamEnd<T>;
  readonly #idle: IdleWatch;
  readonly #release: (() => void) | undefined;
  readonly #decoder = new SseDecoder();
  readonly #text = new TextDecoder();
  #started = false;
  #events: SseEvent[] = [];
  /** Each event's JSON object, parsed as soon as its read is decoded. */
  #values: unknown[] = [];
  /** Where in the read the first event that is not a JSON object is (-1: none), and its error. */
  #failedAt = -1;
  #failure: unknown;
  #at = 0;
  #body: AsyncIterator<Uint8Array> | undefined;
  #bodyEnded = false;
  #closed = false;
  #reading: Promise<IteratorResult<T, undefined>> | undefined;
  /** Set once the terminal event (of a function `end`) has been handed out. */
  #terminal = false;

  /** @internal made by the `sse` reader. */
  constructor(sent: SentResponse, end: StreamEnd<T>) {
    this._response = sent.info;
    this.#raw = sent.raw;
    this.#controller = sent.controller ?? new AbortController();
    this.#signal = sent.signal;
    this.#end = end;
    this.#release = sent.release;
    this.#idle = new IdleWatch(sent.idleTimeoutMs, () => this.#controller.abort());
  }

  /** Stops the stream and releases the connection; a loop still reading it gets `APIUserAbortError`. */
  abort(): void {
    this.#controller.abort();
  }

  [Symbol.asyncIterator](): AsyncIterator<T, undefined> {
    if (this.#started) throw new AOAIError("This stream was already iterated; a stream can be read once.");
    this.#started = true;
    return this;
  }

  next(): Promise<IteratorResult<T, undefined>> {
    if (this.#reading) return this.#reading.then(() => this.next());
    if (this.#closed) return Promise.resolve(DONE);
    if (this.#terminal) {
      this.#close(true);
      return Promise.resolve(DONE);
    }
    try {
      const ready = this.ready();
      if (ready) return Promise.resolve(ready);
    } catch (error) {
      return Promise.reject(error);
    }
    this.#reading = this.#read().finally(() => {
      this.#reading = undefined;
    });
    return this.#reading;
  }

  /**
   * The next result at once when an event is already read and decoded, else `undefined` (then
   * call `next()`). Lets `ChunkStream` skip a promise and a microtask per chunk
   * (bench/src/profile.ts, streaming).
   * @internal
   */
  ready(): IteratorResult<T, undefined> | undefined {
    if (this.#reading || this.#closed || this.#terminal || this.#at >= this.#events.length) return undefined;
    try {
      return this.#take();
    } catch (error) {
      throw this.#fail(error);
    }
  }

  /** Leaving a loop early aborts the request, so the body does not keep flowing. */
  return(): Promise<IteratorResult<T, undefined>> {
    if (!this.#closed) this.#close(false);
    return Promise.resolve(DONE);
  }

  async #read(): Promise<IteratorResult<T, undefined>> {
    try {
      const events = this.#events;
      events.length = 0;
      this.#at = 0;
      while (events.length === 0) {
        if (this.#bodyEnded) {
          if (this.#end === "eof") {
            this.#close(true);
            return DONE;
          }
          throw new InvalidResponseError(
            `The event stream ended before ${this.#end === "[DONE]" ? "[DONE]" : "its final event"}: the response is incomplete.`,
            "",
            this._response.requestId,
            this._response.retryCount,
          );
        }
        this.#body ??= bodyBytes(this.#raw)[Symbol.asyncIterator]();
        this.#idle.start();
        const chunk = await this.#body.next();
        this.#idle.stop();
        if (chunk.done) {
          this.#bodyEnded = true;
          this.#decoder.push(this.#text.decode(), events);
          this.#decoder.end(events);
        } else {
          this.#decoder.push(this.#text.decode(chunk.value, { stream: true }), events);
        }
      }
      this.#parse(events);
      return this.#take();
    } catch (error) {
      throw this.#fail(error);
    }
  }

  /**
   * Parses a read's events all at once, before the first is handed over: JSON.parse run in one loop
   * rather than between the awaits of the reader's loop (bench/src/stream-layers.ts). An event that
   * is not a JSON object keeps its error, thrown when the reader gets to it.
   */
  #parse(events: SseEvent[]): void {
    const values: unknown[] = [];
    this.#failedAt = -1;
    for (const event of events) {
      if (event.data === "[DONE]") break;
      try {
        values.push(parseEvent<T>(event, this.#raw, this._response));
      } catch (error) {
        this.#failedAt = values.length;
        this.#failure = error;
        break;
      }
    }
    this.#values = values;
  }

  #take(): IteratorResult<T, undefined> {
    const at = this.#at++;
    const event = this.#events[at]!;
    if (event.data === "[DONE]") {
      this.#close(true);
      return DONE;
    }
    if (at === this.#failedAt) throw this.#failure;
    const value = this.#values[at] as T;
    if (typeof this.#end === "function" && this.#end(value, event.event)) this.#terminal = true;
    return { value, done: false };
  }

  #fail(error: unknown): unknown {
    // Aborted before the reader closed it, and not for idling: the stream's abort() (or the caller's signal).
    const aborted = this.#controller.signal.aborted && !this.#idle.fired;
    if (!this.#closed) this.#close(false);
    if (aborted) return new APIUserAbortError();
    if (this.#idle.fired && !this.#signal?.aborted) {
      return new APIConnectionTimeoutError(
        `The stream sent nothing for ${this.#idle.ms} ms (streamIdleTimeout); it was aborted.`,
        { retryCount: this._response.retryCount },
      );
    }
    return toSdkError(error, this.#signal, this._response.retryCount);
  }

  /**
   * Ending early (a break, an error) must not leave the body flowing, so the request is aborted.
   * After [DONE] the rest (the end of the chunked body) is drained, so the connection is reused.
   */
  #close(complete: boolean): void {
    this.#closed = true;
    this.#idle.dispose();
    this.#release?.();
    this.#events = [];
    this.#values = [];
    // Lets go of the body reader (a browser's fetch reader is cancelled; Node's socket is kept).
    this.#body?.return?.().catch(() => {});
    if (!complete) this.#controller.abort();
    else (this.#raw.readableStreamBody as { resume?: () => void } | undefined)?.resume?.();
  }
}

/**
 * An event's JSON object. Errors sent in the stream become typed errors: the status is the frame's
 * `status`, else its `code` when that is an HTTP status (`"429"`), else 400 for `content_filter`
 * and 500 for anything else; an `event: error` whose data is plain text keeps that text.
 */
function parseEvent<T>(event: SseEvent, raw: PipelineResponse, info: ResponseInfo): T {
  let payload: unknown;
  try {
    payload = JSON.parse(event.data);
  } catch {
    if (event.event === "error") throw streamError({ message: event.data }, raw, info);
    throw new InvalidResponseError(
      "An event in the stream is not valid JSON.",
      event.data,
      info.requestId,
      info.retryCount,
    );
  }
  if (!payload || typeof payload !== "object" || Array.isArray(payload)) {
    if (event.event === "error") throw streamError({ message: String(event.data) }, raw, info);
    throw new InvalidResponseError(
      "An event in the stream is not a JSON object.",
      event.data,
      info.requestId,
      info.retryCount,
    );
  }
  const error = (payload as { error?: unknown }).error;
  if (error && typeof error === "object") throw streamError(error as ErrorBody, raw, info);
  if (event.event === "error") throw streamError(payload as ErrorBody, raw, info);
  return payload as T;
}

function streamError(
  body: ErrorBody & { status?: unknown },
  raw: PipelineResponse,
  info: ResponseInfo,
): Error {
  const code = String(body.code ?? "");
  const status =
    typeof body.status === "number"
      ? body.status
      : /^[1-5]\d\d$/.test(code)
        ? Number(code)
        : code === "content_filter"
          ? 400
          : 500;
  return errorFromResponse({ status, headers: raw.headers }, info.retryCount, body);
}
