import type { ResponseInfo } from "@aoai/core";
import { type ChunkSource, ChunkStream } from "@aoai/core/internal";
import { ChatCompletionAccumulator } from "./accumulator.js";
import type { ChatCompletion, ChatCompletionChunk } from "./response-types.js";

/** A source of chunks: core's `EventStream`, or anything async-iterable with an optional `abort`. */
export type ChatChunkSource = ChunkSource<ChatCompletionChunk>;

/**
 * A streamed chat completion, read once: iterate it for every chunk, `textDeltas()` for the text,
 * or `toReadableStream()` for NDJSON to a browser, and await `finalCompletion()` after any of them
 * (or instead of them). Leaving a loop early aborts the request, which stops generation;
 * `finalCompletion()` then holds what arrived until then, with `finish_reason: null`.
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

  /**
   * The text as it arrives (`delta.content` of one choice, empty pieces skipped). Reads the whole
   * stream, so `finalCompletion()` afterwards has usage and finish reasons too.
   * @param choice the choice index. @default 0
   */
  async *textDeltas(choice = 0): AsyncGenerator<string, void, undefined> {
    for await (const chunk of this) {
      // A chunk may carry no choices (the usage chunk, Azure's prompt-filter chunk, a proxy's).
      for (const part of chunk.choices ?? []) {
        const text = part.delta?.content;
        if (text && (part.index ?? 0) === choice) yield text;
      }
    }
  }

  /**
   * The completion accumulated from every chunk: content, refusal, tool calls, logprobs, usage,
   * On Your Data context and content-filter results merged, with the stream's `_response`. Reads
   * whatever is left of the stream. Await it after the loop, not during it.
   */
  finalCompletion(): Promise<ChatCompletion & { readonly _response: R }> {
    return this.final();
  }
}
