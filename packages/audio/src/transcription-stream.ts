import type { ResponseInfo } from "@aoai/core";
import { type Accumulator, appendText, type ChunkSource, ChunkStream } from "@aoai/core/internal";
import type { Transcription, TranscriptionLogprob, TranscriptionStreamEvent } from "./response-types.js";

/**
 * Builds the final {@link Transcription} of a streamed one: the `transcript.text.done` event's
 * text, logprobs and usage; until it came, the deltas joined (with core's `appendText`) and their
 * logprobs.
 */
export class TranscriptionAccumulator implements Accumulator<TranscriptionStreamEvent, Transcription> {
  readonly #text: string[] = [];
  #logprobs: TranscriptionLogprob[] | undefined;
  #done: Transcription | undefined;

  /** The text piece of a `transcript.text.delta` event (a transcription has one choice, 0). */
  text(event: TranscriptionStreamEvent): string | undefined {
    return event.type === "transcript.text.delta" ? event.delta : undefined;
  }

  add(event: TranscriptionStreamEvent): void {
    if (event.type === "transcript.text.delta") {
      if (typeof event.delta === "string") appendText(this.#text, event.delta);
      if (event.logprobs) {
        this.#logprobs ??= [];
        this.#logprobs.push(...event.logprobs);
      }
    } else if (event.type === "transcript.text.done") {
      const { type: _, ...done } = event;
      this.#done = done;
    }
  }

  result(): Transcription {
    if (this.#done) return { ...this.#done };
    const text = this.#text.join("");
    return this.#logprobs ? { text, logprobs: this.#logprobs } : { text };
  }
}

/**
 * A streamed transcription, read once: iterate it for its events (`transcript.text.delta`
 * pieces, then one `transcript.text.done`), `textDeltas()` for the text as it arrives, or
 * `toReadableStream()` for NDJSON, and await `finalTranscription()` after any of them (or instead
 * of them) for the whole text, logprobs and usage. Leaving a loop early aborts the request.
 */
export class TranscriptionStream<R extends ResponseInfo | undefined = ResponseInfo> extends ChunkStream<
  TranscriptionStreamEvent,
  Transcription,
  R
> {
  /** Wraps an event source; `transcribeStream()` makes these for you. */
  constructor(source: ChunkSource<TranscriptionStreamEvent>) {
    super(source, new TranscriptionAccumulator());
  }

  /** The whole transcription: the done event's text, logprobs and usage, with `_response`. */
  finalTranscription(): Promise<Transcription & { readonly _response: R }> {
    return this.final();
  }
}
