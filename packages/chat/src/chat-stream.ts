import type { ResponseInfo } from "@aoai/core";
import { type ChunkSource, ChunkStream } from "@aoai/core/internal";
import { ChatCompletionAccumulator } from "./accumulator.js";
import type { ChatCompletion, ChatCompletionChunk } from "./response-types.js";

/** A source of chunks: core's `EventStream`, or anything async-iterable with an optional `abort`. */
export type ChatChunkSource = ChunkSource<ChatCompletionChunk>;

/**
 * A streamed chat completion, read once: iterate it for every chunk, `textDeltas(choice)` for
 * `delta.content`, or `toReadableStream()` for NDJSON to a browser, and await `finalCompletion()`
 * after any of them (or instead of them). Leaving a loop early aborts the request, which stops
 * generation; `finalCompletion()` then holds what arrived until then, with `finish_reason: null`.
 */
export class ChatStream<R extends ResponseInfo | undefined = ResponseInfo> extends ChunkStream<
  ChatCompletionChunk,
  ChatCompletion,
  R
> {
  /** Wraps a chunk source; `ChatClient.stream()` and `readChatStream()` make these for you. */
  constructor(source: ChatChunkSource) {
    super(source, new ChatCompletionAccumulator());
  }

  /** Content, refusal, tool calls, logprobs, usage, On Your Data context and filter results merged. */
  finalCompletion(): Promise<ChatCompletion & { readonly _response: R }> {
    return this.final();
  }
}
