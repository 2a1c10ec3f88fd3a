import { bytesToBase64 } from "@aoai/core/internal";
import type { WebSocket } from "ws";
import { type AudioInput, pcm16Bytes } from "./audio.js";
import { RealtimeClosedError } from "./errors.js";
import { abortWith, checkEvent, RealtimeChannel } from "./realtime-channel.js";
import type { RealtimeClientEvent } from "./request-types.js";

/** Options of a session's flow control. */
export interface SessionFlowOptions {
  /**
   * Bytes the socket may hold unsent before `send` and `appendAudio` wait for it to drain, so a
   * slow network holds memory still instead of growing it. @default 1048576 (1 MiB)
   */
  highWaterMark?: number;
  /** Largest audio per `input_audio_buffer.append`, in bytes of PCM16 (before base64). @default 96000 (2 s at 24 kHz) */
  appendChunkBytes?: number;
}

/**
 * A realtime session over a WebSocket (Node): `for await` over server events, typed `send`,
 * `appendAudio`, `response()`, `close()`.
 */
export class RealtimeSession extends RealtimeChannel {
  readonly #ws: WebSocket;
  readonly #highWaterMark: number;
  readonly #chunkBytes: number;
  #closing = false;
  #drained: Promise<void> | undefined;
  readonly #release: () => void;

  /** @internal The socket is typed loosely here so the public types need no `@types/ws`. */
  constructor(socket: object, options: SessionFlowOptions & { signal?: AbortSignal | undefined }) {
    super();
    const ws = socket as WebSocket;
    this.#ws = ws;
    this.#highWaterMark = options.highWaterMark ?? 1024 * 1024;
    // Kept even, so no sample is split across two events.
    this.#chunkBytes = (options.appendChunkBytes ?? 96_000) & ~1;
    ws.on("message", (data, isBinary) => {
      if (!isBinary) this.receive(data.toString());
    });
    let cause: unknown;
    ws.on("error", (error: Error & { code?: string }) => {
      cause = { message: error.message, code: error.code };
    });
    ws.on("close", (code, reason) => {
      this.#release();
      if (this.#closing || code === 1000) this.finish();
      else this.finish(new RealtimeClosedError(code, reason.toString(), cause));
    });
    this.#release = abortWith(options.signal, (error) => {
      this.finish(error);
      this.#closing = true;
      ws.terminate();
    });
  }

  // A message that is no event ends the session: the connection is dropped too.
  protected override fail(error: Error): void {
    super.fail(error);
    this.#closing = true;
    this.#ws.terminate();
  }

  // A reader that falls behind stops the socket's reads, so the service's events wait in the
  // network instead of in memory.
  protected override pauseReading(): void {
    this.#ws.pause();
  }

  protected override resumeReading(): void {
    this.#ws.resume();
  }

  /** Bytes queued on the socket and not yet sent. */
  get bufferedAmount(): number {
    return this.#ws.bufferedAmount;
  }

  async send(event: RealtimeClientEvent): Promise<void> {
    await this.#sendText(checkEvent(event));
  }

  async #sendText(text: string): Promise<void> {
    while (this.#ws.bufferedAmount > this.#highWaterMark) await this.#drain();
    if (this.ended || this.#ws.readyState !== 1)
      throw this.failure ?? new RealtimeClosedError(this.#closing ? 1000 : 1006, "the session is closed");
    this.#ws.send(text);
  }

  // ws has no drain event: a send's callback runs once its bytes are written, so waiting on an
  // empty send waits for everything before it.
  #drain(): Promise<void> {
    this.#drained ??= new Promise<void>((resolve) => {
      const done = () => {
        this.#ws.off("close", done);
        this.#drained = undefined;
        resolve();
      };
      if (this.#ws.readyState !== 1) return done();
      this.#ws.once("close", done);
      this.#ws.ping(undefined, undefined, done);
    });
    return this.#drained;
  }

  /**
   * Appends audio to the input buffer as `input_audio_buffer.append` events: PCM16 24 kHz mono
   * (the session's default format) from 16-bit samples, float samples in [-1, 1] or PCM16 bytes,
   * base64-encoded in chunks of `appendChunkBytes`. Waits while the socket holds more than
   * `highWaterMark` unsent.
   */
  async appendAudio(audio: AudioInput): Promise<void> {
    const bytes = pcm16Bytes(audio);
    for (let at = 0; at < bytes.byteLength; at += this.#chunkBytes) {
      const chunk = bytes.subarray(at, at + this.#chunkBytes);
      await this.#sendText(`{"type":"input_audio_buffer.append","audio":"${bytesToBase64(chunk)}"}`);
    }
  }

  /** Closes the session (close code 1000) and waits until the socket has closed. */
  async close(): Promise<void> {
    if (this.#ws.readyState === 3) return;
    this.#closing = true;
    await new Promise<void>((resolve) => {
      this.#ws.once("close", () => resolve());
      this.#ws.close(1000);
    });
  }
}
