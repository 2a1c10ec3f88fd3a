import { AOAIError } from "../errors/aoai-error.js";
import { InvalidResponseError } from "../errors/invalid-response-error.js";
import { type ResponseInfo, withResponse } from "../response-info.js";
import { DONE } from "./done.js";

/** A source of chunks: core's `EventStream`, or anything async-iterable with an optional `abort`. */
export type ChunkSource<C> = AsyncIterable<C> & {
  abort?(): void;
  _response?: ResponseInfo | undefined;
};

/** Builds a final result from the chunks of a stream, one at a time. */
export interface Accumulator<C, F> {
  add(chunk: C): void;
  result(): F;
}

/**
 * A streamed answer that is read once, by one of:
 * - `for await (const chunk of stream)`: every chunk, typed, as sent (the same objects, not copies);
 * - the feature's text helper (`textDeltas()`), which iterates it;
 * - `stream.toReadableStream()`: NDJSON bytes for a server route's `Response`.
 *
 * Every chunk read is also added to an accumulator, so the final result can be awaited after any
 * of them, or instead of them: it then reads the stream itself (the rest of it, after a partial
 * manual `next()` iteration). Leaving a loop early (`break`, `return`, a throw) aborts the
 * request, which stops generation; the final result then holds what arrived until then. A chunk
 * the accumulator cannot take is an `InvalidResponseError`, and the request is aborted.
 */
export class ChunkStream<C, F extends object, R extends ResponseInfo | undefined = ResponseInfo>
  implements AsyncIterable<C>
{
  /** The HTTP exchange (request id, rate-limit headers); `undefined` on a stream read from NDJSON. */
  readonly _response: R;
  readonly #source: ChunkSource<C>;
  readonly #accumulator: Accumulator<C, F>;
  #iterator: AsyncIterator<C> | undefined;
  #claimed = false;
  #ended = false;
  #failure: [unknown] | undefined;
  #final: Promise<F & { readonly _response: R }> | undefined;

  constructor(source: ChunkSource<C>, accumulator: Accumulator<C, F>) {
    this.#source = source;
    this.#accumulator = accumulator;
    this._response = source._response as R;
  }

  /** Stops the stream: aborts the request and releases the connection. */
  abort(): void {
    this.#ended = true;
    this.#source.abort?.();
  }

  [Symbol.asyncIterator](): AsyncIterator<C> {
    if (this.#claimed) throw new AOAIError("A stream can be read once.");
    this.#claimed = true;
    return {
      next: () => this.#pull(),
      return: async () => {
        if (!this.#ended) this.abort();
        return DONE;
      },
    };
  }

  /**
   * The chunks as a web `ReadableStream` of NDJSON: one chunk's JSON per line, UTF-8. Return it
   * from a server route with `new Response(stream.toReadableStream(), { headers: { "content-type":
   * "application/x-ndjson" } })` and read it back in the browser with the feature's reader
   * (`readChatStream`…). Cancelling it aborts the request; an error mid-stream errors it.
   */
  toReadableStream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    const iterator = this[Symbol.asyncIterator]();
    const encoder = new TextEncoder();
    return new ReadableStream<Uint8Array<ArrayBuffer>>({
      async pull(controller) {
        const result = await iterator.next();
        if (result.done) controller.close();
        else controller.enqueue(encoder.encode(`${JSON.stringify(result.value)}\n`));
      },
      cancel: () => void iterator.return?.(),
    });
  }

  /** The accumulated result, with the stream's `_response`; reads whatever is left of the stream. */
  protected final(): Promise<F & { readonly _response: R }> {
    this.#final ??= (async () => {
      this.#claimed = true;
      while (!this.#ended) await this.#pull();
      if (this.#failure) throw this.#failure[0];
      const result = this.#accumulator.result();
      return (this._response ? withResponse(result, this._response) : result) as F & {
        readonly _response: R;
      };
    })();
    return this.#final;
  }

  // Not an async function: `.then` with two fixed handlers costs one promise per chunk, where an
  // async function with an `await` costs two (bench/src/profile.ts, streaming). A chunk core's
  // EventStream has already decoded is taken at once (`_ready`), which saves the `.then`'s
  // promise and microtask too (a promise turn was about 0.28 us of a chunk in the profile;
  // with the SSE decoder's fast path, 5.35 -> 4.19 us per chunk, bench/src/compare.ts).
  #pull(): Promise<IteratorResult<C>> {
    if (this.#failure) return Promise.reject(this.#failure[0]);
    if (this.#ended) return Promise.resolve(DONE);
    this.#iterator ??= this.#source[Symbol.asyncIterator]();
    const iterator = this.#iterator as ReadyIterator<C>;
    try {
      const ready = iterator._ready?.();
      if (ready) return Promise.resolve(this.#onResult(ready));
    } catch (error) {
      // A failure of #onResult is recorded already.
      if (!this.#failure) {
        this.#ended = true;
        this.#failure = [error];
      }
      return Promise.reject(error);
    }
    return iterator.next().then(this.#onResult, this.#onError);
  }

  readonly #onResult = (result: IteratorResult<C>): IteratorResult<C> => {
    if (result.done) {
      this.#ended = true;
      return DONE;
    }
    try {
      this.#accumulator.add(result.value);
    } catch {
      // A chunk of the wrong shape (choices that are not a list…): the answer cannot be trusted,
      // so the request is aborted and the reader gets a typed error, not a TypeError.
      this.#source.abort?.();
      this.#onError(
        new InvalidResponseError(
          "A chunk of the stream does not have the shape the SDK expects.",
          JSON.stringify(result.value) ?? "",
          this._response?.requestId,
          this._response?.retryCount,
        ),
      );
    }
    return result;
  };

  readonly #onError = (error: unknown): never => {
    this.#ended = true;
    this.#failure = [error];
    throw error;
  };
}

/** core's EventStream: an iterator that can hand over an already decoded chunk at once. */
type ReadyIterator<C> = AsyncIterator<C> & { _ready?(): IteratorResult<C> | undefined };
