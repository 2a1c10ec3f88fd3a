import { AOAIError, InvalidResponseError, type ResponseInfo } from "@aoai/core";
import { withResponse } from "@aoai/core/internal";
import { CompletionAccumulator } from "./accumulator.js";
import type { Completion, CompletionChunk } from "./response-types.js";

/** A source of chunks: core's `EventStream`, or anything async-iterable with an optional `abort`. */
export type CompletionChunkSource = AsyncIterable<CompletionChunk> & {
  abort?(): void;
  _response?: ResponseInfo | undefined;
};

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * A streamed legacy completion. The response is read once, by one of:
 * - `for await (const chunk of stream)`: every chunk, typed, as sent (the same objects, not copies);
 * - `stream.textDeltas()`: just the text of a choice;
 * - `stream.toReadableStream()`: NDJSON bytes for a server route's `Response`.
 *
 * Every chunk read is also added to an accumulator, so `finalCompletion()` can be awaited after
 * any of them, or instead of them: it then reads the stream itself (the rest of it, after a
 * partial manual `next()` iteration). Leaving a loop early (`break`, `return`, a throw) aborts
 * the request, which stops generation; `finalCompletion()` then holds what arrived until then,
 * with `finish_reason: null`. Await `finalCompletion()` after the loop, not during it.
 */
export class CompletionStream<R extends ResponseInfo | undefined = ResponseInfo>
  implements AsyncIterable<CompletionChunk>
{
  /** The HTTP exchange (request id, rate-limit headers); `undefined` on a stream from `readCompletionStream`. */
  readonly _response: R;
  readonly #source: CompletionChunkSource;
  readonly #accumulator = new CompletionAccumulator();
  #iterator: AsyncIterator<CompletionChunk> | undefined;
  #claimed = false;
  #ended = false;
  #failure: [unknown] | undefined;
  #final: Promise<Completion & { readonly _response: R }> | undefined;

  /** Wraps a chunk source; `CompletionsClient.stream()` and `readCompletionStream()` make these for you. */
  constructor(source: CompletionChunkSource) {
    this.#source = source;
    this._response = source._response as R;
  }

  /** Stops the stream: aborts the request and releases the connection. */
  abort(): void {
    this.#ended = true;
    this.#source.abort?.();
  }

  [Symbol.asyncIterator](): AsyncIterator<CompletionChunk> {
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
   * The text as it arrives (`text` of one choice, empty pieces skipped). Reads the whole stream,
   * so `finalCompletion()` afterwards has usage and finish reasons too.
   * @param choice the choice index (`prompt_index * n + i` with several prompts). @default 0
   */
  async *textDeltas(choice = 0): AsyncGenerator<string, void, undefined> {
    for await (const chunk of this) {
      // A chunk may carry no choices (the usage chunk, Azure's prompt-filter chunk, a proxy's).
      for (const part of chunk.choices ?? []) if (part.text && (part.index ?? 0) === choice) yield part.text;
    }
  }

  /**
   * The completion accumulated from every chunk: each choice's text, logprobs, finish reason and
   * filter results, the prompts' filter results and usage, with the stream's `_response`. Reads
   * whatever is left of the stream.
   */
  finalCompletion(): Promise<Completion & { readonly _response: R }> {
    this.#final ??= (async () => {
      this.#claimed = true;
      while (!this.#ended) await this.#pull();
      if (this.#failure) throw this.#failure[0];
      const completion = this.#accumulator.completion();
      if (!this._response) return completion as Completion & { readonly _response: R };
      return withResponse(completion, this._response) as Completion & { readonly _response: R };
    })();
    return this.#final;
  }

  /**
   * The chunks as a web `ReadableStream` of NDJSON: one chunk's JSON per line, UTF-8. Return it
   * from a server route with `new Response(stream.toReadableStream(), { headers: { "content-type":
   * "application/x-ndjson" } })` and read it in the browser with `readCompletionStream(response.body)`.
   * Cancelling it aborts the request; an error mid-stream errors it.
   */
  toReadableStream(): ReadableStream<Uint8Array> {
    const iterator = this[Symbol.asyncIterator]();
    const encoder = new TextEncoder();
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        const result = await iterator.next();
        if (result.done) controller.close();
        else controller.enqueue(encoder.encode(`${JSON.stringify(result.value)}\n`));
      },
      cancel: () => void iterator.return?.(),
    });
  }

  // Not an async function: `.then` with two fixed handlers costs one promise per chunk, where an
  // async function with an `await` costs two (chat's bench/src/profile.ts, streaming).
  #pull(): Promise<IteratorResult<CompletionChunk>> {
    if (this.#failure) return Promise.reject(this.#failure[0]);
    if (this.#ended) return Promise.resolve(DONE);
    this.#iterator ??= this.#source[Symbol.asyncIterator]();
    return this.#iterator.next().then(this.#onResult, this.#onError);
  }

  readonly #onResult = (result: IteratorResult<CompletionChunk>): IteratorResult<CompletionChunk> => {
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
          "A chunk of the stream does not have the shape of a completion chunk.",
          JSON.stringify(result.value) ?? "",
          this._response?.requestId,
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
