import type { PipelineResponse } from "@azure/core-rest-pipeline";
import { AOAIError } from "../errors/aoai-error.js";
import { APIConnectionTimeoutError, APIUserAbortError } from "../errors/connection-errors.js";
import type { ResponseInfo } from "../response-info.js";
import type { Reader, SentResponse } from "../send.js";
import { bodyBytes } from "../transport/body-bytes.js";
import { IdleWatch } from "../transport/idle-watch.js";
import { toSdkError } from "../transport/to-sdk-error.js";
import { concatBytes } from "../transport/web-body.js";
import { ANY_BUT_PAGE, checkContentType } from "./content-types.js";

/** The type of a body sent without `content-type` (RFC 9110, 8.3). */
export const UNTYPED = "application/octet-stream";

/**
 * A binary body read as it downloads (speech played while it arrives, a large file): iterate it
 * for `Uint8Array` chunks, turn it into a web `ReadableStream`, or read it whole with `bytes()`.
 * Leaving a loop early, cancelling the web stream or `abort()` aborts the request. Read once.
 */
export class ByteStream implements AsyncIterable<Uint8Array<ArrayBuffer>> {
  readonly _response: ResponseInfo;
  /** The body's `content-type`, e.g. `audio/mpeg`; `application/octet-stream` when it has none (RFC 9110). */
  readonly contentType: string;
  readonly #raw: PipelineResponse;
  readonly #controller: AbortController;
  readonly #signal: AbortSignal | undefined;
  readonly #idleTimeoutMs: number;
  readonly #release: (() => void) | undefined;
  #started = false;
  #aborted = false;

  /** @internal made by the `byteStream` reader. */
  constructor(sent: SentResponse) {
    this._response = sent.info;
    this.contentType = sent.raw.headers.get("content-type") ?? UNTYPED;
    this.#raw = sent.raw;
    this.#controller = sent.controller ?? new AbortController();
    this.#signal = sent.signal;
    this.#idleTimeoutMs = sent.idleTimeoutMs;
    this.#release = sent.release;
  }

  /** Stops the download and releases the connection; a loop still reading it gets `APIUserAbortError`. */
  abort(): void {
    this.#aborted = true;
    this.#controller.abort();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array<ArrayBuffer>, void, undefined> {
    if (this.#started) throw new AOAIError("This stream was already read; a stream can be read once.");
    this.#started = true;
    let complete = false;
    const idle = new IdleWatch(this.#idleTimeoutMs, () => this.abort());
    const body = bodyBytes(this.#raw)[Symbol.asyncIterator]();
    try {
      for (;;) {
        idle.start();
        const chunk = await body.next();
        idle.stop();
        if (chunk.done) break;
        // Network chunks: never a view of shared memory.
        yield chunk.value as Uint8Array<ArrayBuffer>;
      }
      complete = true;
    } catch (error) {
      if (idle.fired && !this.#signal?.aborted) {
        throw new APIConnectionTimeoutError(
          `The download sent nothing for ${idle.ms} ms (streamIdleTimeout); it was aborted.`,
          { retryCount: this._response.retryCount },
        );
      }
      if (this.#aborted) throw new APIUserAbortError();
      throw toSdkError(error, this.#signal, this._response.retryCount);
    } finally {
      idle.dispose();
      this.#release?.();
      if (!complete) {
        this.abort();
        body.return?.().catch(() => {});
      }
    }
  }

  /** The whole body in one array. */
  async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    const parts: Uint8Array<ArrayBuffer>[] = [];
    for await (const part of this) parts.push(part);
    return concatBytes(parts) as Uint8Array<ArrayBuffer>;
  }

  /** The body as a web `ReadableStream` (for `new Response(…)`, or an audio element's source). */
  toReadableStream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    const iterator = this[Symbol.asyncIterator]();
    return new ReadableStream<Uint8Array<ArrayBuffer>>({
      async pull(controller) {
        const result = await iterator.next();
        if (result.done) controller.close();
        else controller.enqueue(result.value);
      },
      cancel: () => void iterator.return(),
    });
  }
}

/** Hands over a binary body as a {@link ByteStream}, once the headers are in; a web page is refused. */
export const byteStream: Reader<ByteStream> = {
  accept: "*/*",
  streams: true,
  read(sent) {
    checkContentType(sent, ANY_BUT_PAGE);
    return new ByteStream(sent);
  },
};
