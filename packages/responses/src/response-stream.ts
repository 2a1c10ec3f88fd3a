import type { ResponseInfo } from "@aoai/core";
import { type ChunkSource, ChunkStream } from "@aoai/core/internal";
import { ResponseAccumulator } from "./accumulator.js";
import type { ResponseWithText } from "./response-types.js";
import type { ResponseStreamEvent } from "./stream-events.js";

/** A source of events: core's `EventStream`, a resuming one, or anything async-iterable. */
export type ResponseEventSource = ChunkSource<ResponseStreamEvent>;

/**
 * A streamed response, read once: iterate it for every event (typed; an event type the SDK does
 * not know comes too, as it came), `textDeltas()` for the text (`response.output_text.delta`),
 * or `toReadableStream()` for NDJSON to a browser; await `finalResponse()` after any of them, or
 * instead. Leaving a loop early aborts the request; `finalResponse()` then holds what arrived
 * until then.
 */
export class ResponseStream<R extends ResponseInfo | undefined = ResponseInfo> extends ChunkStream<
  ResponseStreamEvent,
  ResponseWithText,
  R
> {
  /** Wraps an event source; `ResponseClient.stream()` and `readResponseStream()` make these for you. */
  constructor(source: ResponseEventSource) {
    super(source, new ResponseAccumulator());
  }

  /**
   * The response as the terminal event sent it (completed, incomplete, failed), with
   * `output_text` and the stream's `_response`; a stream cut short gives what arrived. Reads
   * whatever is left of the stream.
   */
  finalResponse(): Promise<ResponseWithText & { readonly _response: R }> {
    return this.final();
  }
}
