import type { PipelineResponse } from "@azure/core-rest-pipeline";
import { AOAIError } from "../errors/aoai-error.js";
import { createAPIError } from "../errors/create-api-error.js";
import { InvalidResponseError } from "../errors/invalid-response-error.js";
import type { ResponseInfo } from "../response-info.js";
import { bodyBytes } from "../transport/body-bytes.js";
import { headersRecord } from "../transport/headers-record.js";
import { toSdkError } from "../transport/to-sdk-error.js";
import { SseDecoder, type SseEvent } from "./sse-decoder.js";

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

  [Symbol.asyncIterator](): AsyncIterator<T> {
    if (this.started) throw new AOAIError("This stream was already iterated; a stream can be read once.");
    this.started = true;
    return this.iterate();
  }

  private async *iterate(): AsyncGenerator<T, void, undefined> {
    const { raw, requestId } = this._response;
    const decoder = new SseDecoder();
    const text = new TextDecoder();
    const events: SseEvent[] = [];
    let done = false;
    try {
      for await (const bytes of bodyBytes(raw)) {
        decoder.push(text.decode(bytes, { stream: true }), events);
        if (events.length === 0) continue;
        for (let i = 0; i < events.length; i++) {
          const event = events[i]!;
          if (event.data === "[DONE]") {
            done = true;
            return;
          }
          yield parseEvent<T>(event, raw, requestId);
        }
        events.length = 0;
      }
      decoder.push(text.decode(), events);
      decoder.end(events);
      for (const event of events) {
        if (event.data === "[DONE]") {
          done = true;
          return;
        }
        yield parseEvent<T>(event, raw, requestId);
      }
      throw new InvalidResponseError(
        "The event stream ended before [DONE]: the response is incomplete.",
        "",
        requestId,
      );
    } catch (error) {
      throw toSdkError(error, this.signal);
    } finally {
      // Ending early (break, or an error) must not leave the response body flowing. After [DONE]
      // the rest (the end of the chunked body) is drained, so the connection can be reused.
      if (!done) this.controller.abort();
      else (raw.readableStreamBody as { resume?: () => void } | undefined)?.resume?.();
    }
  }
}

function parseEvent<T>(event: SseEvent, raw: PipelineResponse, requestId: string | undefined): T {
  let payload: unknown;
  try {
    payload = JSON.parse(event.data);
  } catch {
    throw new InvalidResponseError("An event in the stream is not valid JSON.", event.data, requestId);
  }
  const error = (payload as { error?: unknown } | null)?.error;
  if (event.event === "error" || (error && typeof error === "object")) {
    const body = (error && typeof error === "object" ? error : payload) as { code?: string; status?: number };
    const status = typeof body.status === "number" ? body.status : body.code === "content_filter" ? 400 : 500;
    throw createAPIError({ status, error: body, headers: headersRecord(raw.headers) });
  }
  return payload as T;
}
