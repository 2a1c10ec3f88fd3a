import { APIConnectionError, type EventStream, InvalidResponseError, type ResponseInfo } from "@aoai/core";
import type { ResponseStreamEvent } from "./stream-events.js";

/** Opens the stream of a stored background response after `startingAfter`. */
export type Reconnect = (
  responseId: string,
  startingAfter: number,
) => Promise<EventStream<ResponseStreamEvent>>;

/**
 * The events of a background response, across dropped connections: when the connection breaks
 * (a reset, a body that ends before the terminal event, an idle timeout), it reconnects with
 * `starting_after` the last `sequence_number` read and goes on. An event whose sequence number
 * was read already is skipped, so none is lost or repeated. Gives up after `maxResumes`
 * reconnects in a row that bring no new event. A caller's abort and the service's errors are not
 * resumed.
 */
export class ResumableEvents implements AsyncIterable<ResponseStreamEvent> {
  _response: ResponseInfo;
  #current: EventStream<ResponseStreamEvent>;
  readonly #reconnect: Reconnect;
  readonly #maxResumes: number;
  #id: string | undefined;
  #last: number;
  #aborted = false;

  constructor(
    first: EventStream<ResponseStreamEvent>,
    reconnect: Reconnect,
    maxResumes: number,
    responseId?: string,
    startingAfter = -1,
  ) {
    this.#current = first;
    this._response = first._response;
    this.#reconnect = reconnect;
    this.#maxResumes = maxResumes;
    this.#id = responseId;
    this.#last = startingAfter;
  }

  abort(): void {
    this.#aborted = true;
    this.#current.abort();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<ResponseStreamEvent, void, undefined> {
    let failures = 0;
    for (;;) {
      try {
        for await (const event of this.#current) {
          const n = event.sequence_number;
          if (typeof n === "number") {
            if (n <= this.#last) continue;
            this.#last = n;
          }
          if (this.#id === undefined && "response" in event) this.#id = event.response?.id;
          failures = 0;
          yield event;
        }
        return;
      } catch (error) {
        if (this.#aborted || this.#id === undefined || !dropped(error) || ++failures > this.#maxResumes)
          throw error;
        this.#current = await this.#reconnect(this.#id, this.#last);
      }
    }
  }
}

/**
 * A broken connection, not an answer: a reset, an idle timeout, a body cut before its end (core
 * maps each to `APIConnectionError`, fetch's bare TypeError in browsers too).
 */
function dropped(error: unknown): boolean {
  if (InvalidResponseError.isInstance(error)) return (error as InvalidResponseError).snippet === "";
  return APIConnectionError.isInstance(error);
}
