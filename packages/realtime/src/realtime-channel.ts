import { APIUserAbortError, InvalidResponseError } from "@aoai/core";
import { invalid } from "@aoai/core/internal";
import { serverError } from "./errors.js";
import type { RealtimeClientEvent } from "./request-types.js";
import { ResponseReader } from "./response-reader.js";
import type { RealtimeServerEvent } from "./response-types.js";

/** Events held for a reader that is behind; past it a WebSocket stops reading from the network. */
const QUEUE_HIGH = 1024;

/**
 * What a WebSocket session and a WebRTC call share: server events in order (`for await`), typed
 * `send`, `close()`, and the response reader. Read once: the iteration, `response()` and
 * `nextEvent()` take events from one queue.
 */
export abstract class RealtimeChannel implements AsyncIterable<RealtimeServerEvent> {
  readonly #queue: RealtimeServerEvent[] = [];
  #head = 0;
  #wake: (() => void) | undefined;
  /** `true` once ended cleanly, the error once failed. */
  #end: true | Error | undefined;
  #expired: Error | undefined;

  /** Sends a client event once the transport can take it (see `highWaterMark` on a session). */
  abstract send(event: RealtimeClientEvent): Promise<void>;

  /** Ends the session; events already received can still be read. */
  abstract close(): Promise<void>;

  /** Stops and restarts reading from the network while the reader is behind. */
  protected pauseReading(): void {}
  protected resumeReading(): void {}

  /** Hands one received message (JSON text) to the reader. */
  protected receive(data: string): void {
    let event: RealtimeServerEvent | null = null;
    try {
      event = JSON.parse(data) as RealtimeServerEvent;
    } catch {}
    // Not JSON, or JSON that is no event object (`null`, a number): nothing a reader could use.
    if (!event || typeof event !== "object") {
      this.fail(
        new InvalidResponseError("The service sent a message that is not a JSON event.", data, undefined),
      );
      return;
    }
    if (event.type === "error" && event.error?.code === "session_expired")
      this.#expired = serverError(event.error);
    this.#queue.push(event);
    if (this.#queue.length - this.#head >= QUEUE_HIGH) this.pauseReading();
    this.#signal();
  }

  /** Ends the events: cleanly, or with `error` once the queued ones are read. */
  protected finish(error?: Error): void {
    if (this.#end !== undefined) return;
    this.#end = error ?? this.#expired ?? true;
    this.#signal();
  }

  protected fail(error: Error): void {
    this.finish(error);
  }

  /** The error the events ended with, if they did. */
  protected get failure(): Error | undefined {
    return this.#end instanceof Error ? this.#end : undefined;
  }

  /** True once the events have ended (cleanly or not). */
  protected get ended(): boolean {
    return this.#end !== undefined;
  }

  #signal(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  /** The next server event, or `undefined` once the session has ended cleanly; throws how it ended otherwise. */
  async nextEvent(): Promise<RealtimeServerEvent | undefined> {
    for (;;) {
      if (this.#head < this.#queue.length) {
        const event = this.#queue[this.#head]!;
        this.#queue[this.#head++] = undefined as never;
        if (this.#head > 256 && this.#head * 2 > this.#queue.length) {
          this.#queue.splice(0, this.#head);
          this.#head = 0;
        }
        if (this.#queue.length - this.#head === QUEUE_HIGH >> 1) this.resumeReading();
        return event;
      }
      if (this.#end === true) return undefined;
      if (this.#end) throw this.#end;
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<RealtimeServerEvent, void, undefined> {
    for (let event = await this.nextEvent(); event; event = await this.nextEvent()) yield event;
  }

  /**
   * Reads the events up to the next `response.done`, gathering the response's audio, transcript,
   * text and function calls. Start it before or after `response.create`: it takes events from now on.
   * An `error` event on the way throws `RealtimeServerError`.
   */
  response(): ResponseReader {
    return new ResponseReader(this);
  }

  /** Sends `session.update`. */
  updateSession(session: Extract<RealtimeClientEvent, { type: "session.update" }>["session"]): Promise<void> {
    return this.send({ type: "session.update", session });
  }

  /**
   * Answers a function call: sends its output as a `function_call_output` item and, unless
   * `respond` is false, `response.create` so the model goes on.
   */
  async answerFunctionCall(
    callId: string,
    output: unknown,
    options: { respond?: boolean } = {},
  ): Promise<void> {
    if (typeof callId !== "string" || !callId) invalid("call_id", "must be the function call's call_id.");
    await this.send({
      type: "conversation.item.create",
      item: {
        type: "function_call_output",
        call_id: callId,
        output: typeof output === "string" ? output : JSON.stringify(output ?? null),
      },
    });
    if (options.respond ?? true) await this.send({ type: "response.create" });
  }
}

/** Ends a channel when `signal` aborts; returns the listener's removal. */
export function abortWith(signal: AbortSignal | undefined, abort: (error: Error) => void): () => void {
  if (!signal) return () => {};
  const onAbort = () => abort(new APIUserAbortError("The realtime session was aborted."));
  signal.addEventListener("abort", onAbort, { once: true });
  return () => signal.removeEventListener("abort", onAbort);
}

/** Checks a client event before it is sent: an object with a `type`. */
export function checkEvent(event: RealtimeClientEvent): string {
  if (!event || typeof event !== "object" || typeof event.type !== "string" || !event.type)
    invalid("event.type", 'every client event needs a type, e.g. { type: "response.create" }.');
  return JSON.stringify(event);
}
