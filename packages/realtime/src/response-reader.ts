import { appendText, base64ToBytes } from "@aoai/core/internal";
import { pcm16Samples, SAMPLE_RATE, toWav } from "./audio.js";
import { RealtimeClosedError, serverError } from "./errors.js";
import type { RealtimeChannel } from "./realtime-channel.js";
import type { RealtimeResponse, RealtimeServerEvent } from "./response-types.js";

/** A function call the model made, assembled from its streamed arguments. */
export interface RealtimeFunctionCall {
  call_id: string;
  name: string;
  /** The arguments as JSON text, as the model wrote them. */
  arguments: string;
  item_id: string;
}

/** What one response produced. */
export interface RealtimeResponseResult {
  /** The response as `response.done` reported it (status, output items, usage). */
  response: RealtimeResponse;
  /** The output audio as 16-bit samples (PCM16 at 24 kHz unless the session chose another format). */
  audio: Int16Array;
  /** The spoken reply's transcript. */
  transcript: string;
  /** The reply's text, for text output. */
  text: string;
  /** The user's audio transcribed (input transcription), when it arrived during the response. */
  inputTranscript: string;
  functionCalls: RealtimeFunctionCall[];
  /** The output audio as a WAV file. @param sampleRate - @default 24000 */
  wav(sampleRate?: number): Uint8Array;
}

type Kind = "text" | "transcript" | "audio";

// GA event names first, then the preview API's.
const DELTAS: Record<string, Kind> = {
  "response.output_text.delta": "text",
  "response.text.delta": "text",
  "response.output_audio_transcript.delta": "transcript",
  "response.audio_transcript.delta": "transcript",
  "response.output_audio.delta": "audio",
  "response.audio.delta": "audio",
};

/**
 * One response's events, read from the session up to `response.done`: iterate them, or read
 * just the transcript or text as it streams, then `done()` for the whole result.
 */
export class ResponseReader implements AsyncIterable<RealtimeServerEvent> {
  readonly #channel: RealtimeChannel;
  #done: RealtimeResponse | undefined;
  #text: string[] = [];
  #transcript: string[] = [];
  #input: string[] = [];
  #audio: Uint8Array[] = [];
  #audioBytes = 0;
  readonly #calls = new Map<string, RealtimeFunctionCall>();

  constructor(channel: RealtimeChannel) {
    this.#channel = channel;
  }

  /** The next event of this response, or `undefined` after `response.done`. */
  async #next(): Promise<RealtimeServerEvent | undefined> {
    if (this.#done) return undefined;
    const event = await this.#channel.nextEvent();
    if (!event) throw new RealtimeClosedError(1000, "closed before the response was done");
    this.#take(event);
    return event;
  }

  #take(event: RealtimeServerEvent): void {
    const kind = DELTAS[event.type];
    if (kind) {
      const delta = (event as { delta: string }).delta;
      if (kind === "audio") {
        const bytes = base64ToBytes(delta);
        this.#audio.push(bytes);
        this.#audioBytes += bytes.byteLength;
      } else {
        appendText(kind === "text" ? this.#text : this.#transcript, delta);
      }
      return;
    }
    switch (event.type) {
      case "error":
        throw serverError(event.error);
      case "conversation.item.input_audio_transcription.completed":
        appendText(this.#input, event.transcript);
        return;
      case "response.output_item.added":
      case "response.output_item.done":
        if (event.item.type === "function_call")
          this.#call(event.item.call_id, event.item.name, event.item.id);
        return;
      case "response.function_call_arguments.done": {
        const call = this.#call(event.call_id, event.name, event.item_id);
        call.arguments = event.arguments;
        return;
      }
      case "response.done":
        this.#done = event.response;
        for (const item of event.response.output ?? []) {
          if (item.type !== "function_call") continue;
          const call = this.#call(item.call_id, item.name, item.id);
          if (item.arguments) call.arguments = item.arguments;
        }
        return;
    }
  }

  #call(callId: string, name: string | undefined, itemId: string | undefined): RealtimeFunctionCall {
    let call = this.#calls.get(callId);
    if (!call) {
      call = { call_id: callId, name: name ?? "", arguments: "", item_id: itemId ?? "" };
      this.#calls.set(callId, call);
    }
    if (name) call.name = name;
    if (itemId) call.item_id = itemId;
    return call;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<RealtimeServerEvent, void, undefined> {
    for (let event = await this.#next(); event; event = await this.#next()) yield event;
  }

  async *#deltas(kind: Kind): AsyncGenerator<string, void, undefined> {
    for (let event = await this.#next(); event; event = await this.#next()) {
      if (DELTAS[event.type] === kind) yield (event as { delta: string }).delta;
    }
  }

  /** The spoken reply's transcript as it streams (GA and preview event names alike). */
  transcriptDeltas(): AsyncIterable<string> {
    return this.#deltas("transcript");
  }

  /** The reply's text as it streams, for text output. */
  textDeltas(): AsyncIterable<string> {
    return this.#deltas("text");
  }

  /** Reads the rest of the response and returns what it produced. */
  async done(): Promise<RealtimeResponseResult> {
    while (await this.#next());
    const bytes = new Uint8Array(this.#audioBytes);
    let at = 0;
    for (const chunk of this.#audio) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
    const audio = pcm16Samples(bytes);
    return {
      response: this.#done!,
      audio,
      transcript: this.#transcript.join(""),
      text: this.#text.join(""),
      inputTranscript: this.#input.join(""),
      functionCalls: [...this.#calls.values()],
      wav: (sampleRate = SAMPLE_RATE) => toWav(audio, sampleRate),
    };
  }
}
