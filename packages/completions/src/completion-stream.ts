import type { ResponseInfo } from "@aoai/core";
import { type ChunkSource, ChunkStream } from "@aoai/core/internal";
import { CompletionAccumulator } from "./accumulator.js";
import type { Completion, CompletionChunk } from "./response-types.js";

/** A source of chunks: core's `EventStream`, or anything async-iterable with an optional `abort`. */
export type CompletionChunkSource = ChunkSource<CompletionChunk>;

/**
 * A streamed legacy completion, read once: iterate it for every chunk, `textDeltas(choice)` for
 * one choice's text (`prompt_index * n + i` with several prompts), or `toReadableStream()` for
 * NDJSON to a browser, and await `finalCompletion()` after any of them (or instead of them).
 * Leaving a loop early aborts the request; `finalCompletion()` then holds what arrived until then.
 */
export class CompletionStream<R extends ResponseInfo | undefined = ResponseInfo> extends ChunkStream<
  CompletionChunk,
  Completion,
  R
> {
  /** Wraps a chunk source; `CompletionClient.stream()` and `readCompletionStream()` make these for you. */
  constructor(source: CompletionChunkSource) {
    super(source, new CompletionAccumulator());
  }

  /** Each choice's text, logprobs, finish reason and filter results, the prompts' filter results and usage. */
  finalCompletion(): Promise<Completion & { readonly _response: R }> {
    return this.final();
  }
}
