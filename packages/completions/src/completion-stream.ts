import type { ResponseInfo } from "@aoai/core";
import { type ChunkSource, ChunkStream } from "@aoai/core/internal";
import { CompletionAccumulator } from "./accumulator.js";
import type { Completion, CompletionChunk } from "./response-types.js";

/** A source of chunks: core's `EventStream`, or anything async-iterable with an optional `abort`. */
export type CompletionChunkSource = ChunkSource<CompletionChunk>;

/**
 * A streamed legacy completion, read once: iterate it for every chunk, `textDeltas()` for the
 * text, or `toReadableStream()` for NDJSON to a browser, and await `finalCompletion()` after any of
 * them (or instead of them). Leaving a loop early aborts the request, which stops generation;
 * `finalCompletion()` then holds what arrived until then, with `finish_reason: null`.
 */
export class CompletionStream<R extends ResponseInfo | undefined = ResponseInfo> extends ChunkStream<
  CompletionChunk,
  Completion,
  R
> {
  /** Wraps a chunk source; `CompletionsClient.stream()` and `readCompletionStream()` make these for you. */
  constructor(source: CompletionChunkSource) {
    super(source, new CompletionAccumulator());
  }

  /**
   * The text as it arrives (`text` of one choice, empty pieces skipped). Reads the whole stream,
   * so `finalCompletion()` afterwards has usage and finish reasons too.
   * @param choice the choice index (`prompt_index * n + i` with several prompts). @default 0
   */
  async *textDeltas(choice = 0): AsyncGenerator<string, void, undefined> {
    for await (const chunk of this) {
      for (const part of chunk.choices ?? []) if (part.text && (part.index ?? 0) === choice) yield part.text;
    }
  }

  /**
   * The completion accumulated from every chunk: each choice's text, logprobs, finish reason and
   * filter results, the prompts' filter results and usage, with the stream's `_response`. Reads
   * whatever is left of the stream. Await it after the loop, not during it.
   */
  finalCompletion(): Promise<Completion & { readonly _response: R }> {
    return this.final();
  }
}
