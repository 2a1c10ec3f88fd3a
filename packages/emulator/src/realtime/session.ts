import { decodeText, encodeText, SAMPLE_RATE } from "../audio/fsk.js";
import { pcmBytes, pcmSamples } from "../audio/wav.js";
import { idFrom } from "../hash.js";
import { sampleFromSchema } from "../json-schema-sample.js";
import { PLACEHOLDER_TRANSCRIPT } from "../ops/transcriptions.js";
import { clip, countTokens, wordPieces } from "../text.js";
import { CLIENT_EVENTS, type Dialect, eventNames } from "./names.js";
import { defaultSession, mergeSession, type SessionState, settings } from "./session-config.js";

/** How a session talks to its client: a WebSocket or a WebRTC data channel. */
export interface Wire {
  send(event: Record<string, unknown>): void;
  close(code: number, reason: string): void;
}

/** Audio per `response.output_audio.delta`: 200 ms. */
const DELTA_SAMPLES = SAMPLE_RATE / 5;
/** The service refuses to commit less than 100 ms of audio. */
const MIN_COMMIT_SAMPLES = SAMPLE_RATE / 10;
/** Session lifetime on Azure. */
const SESSION_MS = 30 * 60_000;

type Item = Record<string, unknown> & { id: string; type: string };
type ClientEvent = Record<string, unknown> & { type?: unknown; event_id?: unknown };

/**
 * One realtime session: session events, an input audio buffer whose audio is turned back into text
 * (the speech endpoint's FSK, see audio/fsk.ts), a conversation, and deterministic replies streamed
 * as audio and transcript deltas (or text), or function calls, with `response.cancel`.
 */
export class EmulatedSession {
  readonly #wire: Wire;
  readonly #names: ReturnType<typeof eventNames>;
  readonly #seed: string;
  readonly session: SessionState;
  readonly #items: Item[] = [];
  #buffer: Buffer[] = [];
  #bufferBytes = 0;
  #events = 0;
  #ids = 0;
  #active: { id: string; cancelled: boolean } | undefined;
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #delayMs: number;
  #closed = false;

  constructor(
    wire: Wire,
    options: {
      dialect: Dialect;
      model: string;
      seed: string;
      delayMs?: number;
      sessionMs?: number;
      session?: Record<string, unknown>;
    },
  ) {
    this.#wire = wire;
    this.#names = eventNames(options.dialect);
    this.#seed = options.seed;
    this.#delayMs = options.delayMs ?? 5;
    const lifetime = options.sessionMs ?? SESSION_MS;
    this.session = defaultSession(
      options.dialect,
      `sess_${idFrom(options.seed, 22)}`,
      options.model,
      Math.floor((Date.now() + lifetime) / 1000),
    ) as SessionState;
    if (options.session) mergeSession(this.session, options.session);
    this.#emit({ type: "session.created", session: this.session });
    if (options.dialect === "preview")
      this.#emit({
        type: "conversation.created",
        conversation: { id: this.#id("conv"), object: "realtime.conversation" },
      });
    this.#later(lifetime, () => {
      this.#emit({
        type: "error",
        error: {
          type: "invalid_request_error",
          code: "session_expired",
          message: `Your session hit the maximum duration of ${Math.round(lifetime / 60_000)} minutes.`,
          param: null,
          event_id: null,
        },
      });
      this.end();
      this.#wire.close(1000, "session expired");
    });
  }

  /** Stops every pending timer; the session sends nothing more. */
  end(): void {
    this.#closed = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  #later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      if (!this.#closed) run();
    }, ms);
    this.#timers.add(timer);
  }

  #id(prefix: string): string {
    return `${prefix}_${idFrom(`${this.#seed}/${prefix}/${++this.#ids}`, 22)}`;
  }

  #emit(event: Record<string, unknown>): void {
    if (this.#closed) return;
    this.#wire.send({ event_id: `event_${idFrom(`${this.#seed}/event/${++this.#events}`, 22)}`, ...event });
  }

  #error(message: string, code: string, param: string | null, eventId: unknown): void {
    this.#emit({
      type: "error",
      error: {
        type: "invalid_request_error",
        code,
        message,
        param,
        event_id: typeof eventId === "string" ? eventId : null,
      },
    });
  }

  /** One client message, as text. */
  receive(text: string) {
    let event: ClientEvent;
    try {
      event = JSON.parse(text) as ClientEvent;
    } catch {
      return this.#error(
        "The server failed to parse the event: it is not valid JSON.",
        "invalid_json",
        null,
        undefined,
      );
    }
    if (!event || typeof event !== "object" || Array.isArray(event))
      return this.#error("Expected an object.", "invalid_type", null, undefined);
    const id = event.event_id;
    if (typeof event.type !== "string")
      return this.#error("Missing required parameter: 'type'.", "missing_required_parameter", "type", id);
    if (!CLIENT_EVENTS.includes(event.type))
      return this.#error(
        `Invalid value: '${event.type}'. Supported values are: ${CLIENT_EVENTS.map((e) => `'${e}'`).join(", ")}.`,
        "invalid_value",
        "type",
        id,
      );
    switch (event.type) {
      case "session.update":
        return this.#update(event, id);
      case "input_audio_buffer.append":
        return this.#append(event, id);
      case "input_audio_buffer.commit":
        return this.#commit(id);
      case "input_audio_buffer.clear":
        this.#buffer = [];
        this.#bufferBytes = 0;
        return this.#emit({ type: "input_audio_buffer.cleared" });
      case "conversation.item.create":
        return this.#createItem(event, id);
      case "conversation.item.delete":
      case "conversation.item.retrieve":
      case "conversation.item.truncate":
        return this.#itemOp(event, id);
      case "response.create":
        return this.#respond(event, id);
      case "response.cancel":
        return this.#cancel(id);
      default:
        return;
    }
  }

  #update(event: ClientEvent, id: unknown) {
    const update = event.session;
    if (!update || typeof update !== "object" || Array.isArray(update))
      return this.#error(
        "Missing required parameter: 'session'.",
        "missing_required_parameter",
        "session",
        id,
      );
    mergeSession(this.session, update as Record<string, unknown>);
    this.#emit({ type: "session.updated", session: this.session });
  }

  #append(event: ClientEvent, id: unknown) {
    const audio = event.audio;
    if (typeof audio !== "string")
      return this.#error("Missing required parameter: 'audio'.", "missing_required_parameter", "audio", id);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(audio) || audio.length % 4 === 1)
      return this.#error("Invalid 'audio': not valid base64.", "invalid_value", "audio", id);
    this.appendAudio(Buffer.from(audio, "base64"));
  }

  /** Adds PCM16 bytes to the input buffer (WebSocket appends; WebRTC's decoded microphone). */
  appendAudio(bytes: Buffer): void {
    this.#buffer.push(bytes);
    this.#bufferBytes += bytes.length;
  }

  #commit(id: unknown, transcriptOverride?: string) {
    const samples = this.#bufferBytes / 2;
    if (samples < MIN_COMMIT_SAMPLES && transcriptOverride === undefined)
      return this.#error(
        `Error committing input audio buffer: buffer too small. Expected at least 100ms of audio, but buffer only has ${((samples / SAMPLE_RATE) * 1000).toFixed(2)}ms of audio.`,
        "input_audio_buffer_commit_empty",
        null,
        id,
      );
    const pcm = pcmSamples(Buffer.concat(this.#buffer));
    this.#buffer = [];
    this.#bufferBytes = 0;
    const item: Item = {
      id: this.#id("item"),
      object: "realtime.item",
      type: "message",
      role: "user",
      status: "completed",
      content: [{ type: "input_audio", transcript: null }],
    };
    const previous = this.#items.at(-1)?.id ?? null;
    this.#items.push(item);
    this.#emit({ type: "input_audio_buffer.committed", previous_item_id: previous, item_id: item.id });
    this.#emit({ type: this.#names.itemAdded, previous_item_id: previous, item });
    const transcript = transcriptOverride ?? decodeText(pcm) ?? PLACEHOLDER_TRANSCRIPT;
    (item.content as { transcript: string | null }[])[0]!.transcript = transcript;
    if (settings(this.session).transcribe) {
      for (const delta of wordPieces(transcript))
        this.#emit({
          type: "conversation.item.input_audio_transcription.delta",
          item_id: item.id,
          content_index: 0,
          delta,
        });
      this.#emit({
        type: "conversation.item.input_audio_transcription.completed",
        item_id: item.id,
        content_index: 0,
        transcript,
      });
    }
  }

  /**
   * WebRTC: the microphone's audio (which the emulator cannot decode from Opus) ended a turn, as
   * server VAD would detect it: speech started and stopped, a commit, and a response when VAD creates one.
   */
  speechTurn(transcript: string): void {
    const itemId = this.#id("item");
    this.#emit({ type: "input_audio_buffer.speech_started", audio_start_ms: 0, item_id: itemId });
    this.#emit({ type: "input_audio_buffer.speech_stopped", audio_end_ms: 1000, item_id: itemId });
    this.#commit(undefined, transcript);
    if (settings(this.session).vad && !this.#active) this.#respond({}, undefined);
  }

  #createItem(event: ClientEvent, id: unknown) {
    const raw = event.item as Record<string, unknown> | undefined;
    if (!raw || typeof raw !== "object")
      return this.#error("Missing required parameter: 'item'.", "missing_required_parameter", "item", id);
    if (!["message", "function_call", "function_call_output"].includes(raw.type as string))
      return this.#error(
        `Invalid value: '${String(raw.type)}'. Supported values are: 'message', 'function_call', and 'function_call_output'.`,
        "invalid_value",
        "item.type",
        id,
      );
    if (
      raw.type === "function_call_output" &&
      (typeof raw.call_id !== "string" || typeof raw.output !== "string")
    )
      return this.#error(
        "Missing required parameter: 'item.call_id' and 'item.output' (a string).",
        "missing_required_parameter",
        typeof raw.call_id !== "string" ? "item.call_id" : "item.output",
        id,
      );
    const item: Item = {
      ...raw,
      id: typeof raw.id === "string" ? raw.id : this.#id("item"),
      type: raw.type as string,
      object: "realtime.item",
      status: "completed",
    };
    const previous = this.#items.at(-1)?.id ?? null;
    this.#items.push(item);
    this.#emit({ type: this.#names.itemAdded, previous_item_id: previous, item });
    if (this.#names.itemAdded === "conversation.item.added")
      this.#emit({ type: "conversation.item.done", previous_item_id: previous, item });
  }

  #itemOp(event: ClientEvent, id: unknown) {
    const at = this.#items.findIndex((i) => i.id === event.item_id);
    if (at < 0)
      return this.#error(
        `Item with item_id not found: ${String(event.item_id)}`,
        "item_not_found",
        "item_id",
        id,
      );
    const item = this.#items[at]!;
    if (event.type === "conversation.item.delete") {
      this.#items.splice(at, 1);
      return this.#emit({ type: "conversation.item.deleted", item_id: item.id });
    }
    if (event.type === "conversation.item.retrieve")
      return this.#emit({ type: "conversation.item.retrieved", item });
    this.#emit({
      type: "conversation.item.truncated",
      item_id: item.id,
      content_index: event.content_index ?? 0,
      audio_end_ms: event.audio_end_ms ?? 0,
    });
  }

  #cancel(id: unknown) {
    if (!this.#active)
      return this.#error(
        "Cancellation failed: no active response found",
        "response_cancel_not_active",
        null,
        id,
      );
    this.#active.cancelled = true;
  }

  #respond(event: ClientEvent, id: unknown) {
    if (this.#active)
      return this.#error(
        `Conversation already has an active response in progress: ${this.#active.id}. Wait until the response is finished before creating a new one.`,
        "conversation_already_has_active_response",
        null,
        id,
      );
    const overrides = (event.response ?? {}) as Record<string, unknown>;
    const config = { ...this.session } as Record<string, unknown>;
    mergeSession(config, overrides);
    const active = { id: this.#id("resp"), cancelled: false };
    this.#active = active;
    const response = {
      id: active.id,
      object: "realtime.response",
      status: "in_progress",
      status_details: null,
      output: [] as Item[],
      usage: null as unknown,
      metadata: (overrides.metadata as unknown) ?? null,
    };
    this.#emit({ type: "response.created", response });
    const steps = this.#plan(config, response.id, response.output);
    let at = 0;
    const finish = (status: "completed" | "cancelled") => {
      this.#active = undefined;
      const text = response.output.map((i) => JSON.stringify(i)).join("");
      const done = {
        ...response,
        status,
        status_details: status === "cancelled" ? { type: "cancelled", reason: "client_cancelled" } : null,
        usage: {
          total_tokens: 0,
          input_tokens: this.#items.length * 10,
          output_tokens: countTokens(text),
        },
      };
      done.usage.total_tokens = done.usage.input_tokens + done.usage.output_tokens;
      this.#emit({ type: "response.done", response: done });
    };
    const next = () => {
      const step = active.cancelled ? undefined : steps[at++];
      if (!step) return finish(active.cancelled ? "cancelled" : "completed");
      step();
      this.#later(this.#delayMs, next);
    };
    this.#later(0, next);
  }

  /** The response's events as steps, sent one at a time so `response.cancel` can land between them. */
  #plan(config: Record<string, unknown>, responseId: string, output: Item[]): (() => void)[] {
    const n = this.#names;
    const s = settings(config);
    const last = [...this.#items].reverse().find((i) => i.type !== "function_call");
    const steps: (() => void)[] = [];
    const base = { response_id: responseId, output_index: 0 };
    const tool =
      s.toolChoice === "none" || last?.type === "function_call_output" || last?.role !== "user"
        ? undefined
        : pickTool(s.tools, s.toolChoice);
    if (tool) {
      const item: Item = {
        id: this.#id("item"),
        object: "realtime.item",
        type: "function_call",
        status: "in_progress",
        call_id: `call_${idFrom(`${this.#seed}/call/${this.#ids}`, 16)}`,
        name: tool.name,
        arguments: "",
      };
      const args = JSON.stringify(sampleFromSchema(tool.parameters ?? { type: "object", properties: {} }));
      steps.push(() => {
        output.push(item);
        this.#items.push(item);
        this.#emit({ type: "response.output_item.added", ...base, item });
        this.#emit({ type: n.itemAdded, previous_item_id: null, item });
      });
      for (const delta of chunks(args, 8))
        steps.push(() =>
          this.#emit({
            type: "response.function_call_arguments.delta",
            ...base,
            item_id: item.id,
            call_id: item.call_id,
            delta,
          }),
        );
      steps.push(() => {
        item.arguments = args;
        item.status = "completed";
        this.#emit({
          type: "response.function_call_arguments.done",
          ...base,
          item_id: item.id,
          call_id: item.call_id,
          name: tool.name,
          arguments: args,
        });
        this.#emit({ type: "response.output_item.done", ...base, item });
      });
      return steps;
    }
    const reply = replyText(this.#items, last);
    const audio = s.audio;
    const part = audio ? { type: n.audioPart, transcript: "" } : { type: n.textPart, text: "" };
    const item: Item = {
      id: this.#id("item"),
      object: "realtime.item",
      type: "message",
      role: "assistant",
      status: "in_progress",
      content: [] as unknown[],
    };
    const at = { ...base, item_id: item.id, content_index: 0 };
    steps.push(() => {
      output.push(item);
      this.#items.push(item);
      this.#emit({ type: "response.output_item.added", ...base, item });
      this.#emit({ type: n.itemAdded, previous_item_id: null, item });
      this.#emit({ type: "response.content_part.added", ...at, part });
    });
    const words = wordPieces(reply);
    if (audio) {
      const pcm = pcmBytes(encodeText(reply));
      const deltas = Math.ceil(pcm.length / (DELTA_SAMPLES * 2));
      for (let i = 0; i < Math.max(deltas, words.length); i++)
        steps.push(() => {
          if (i < deltas)
            this.#emit({
              type: n.audioDelta,
              ...at,
              delta: pcm.subarray(i * DELTA_SAMPLES * 2, (i + 1) * DELTA_SAMPLES * 2).toString("base64"),
            });
          if (i < words.length) this.#emit({ type: n.transcriptDelta, ...at, delta: words[i] });
        });
    } else {
      for (const delta of words) steps.push(() => this.#emit({ type: n.textDelta, ...at, delta }));
    }
    steps.push(() => {
      const done = audio ? { type: n.audioPart, transcript: reply } : { type: n.textPart, text: reply };
      if (audio) {
        this.#emit({ type: n.audioDone, ...at });
        this.#emit({ type: n.transcriptDone, ...at, transcript: reply });
      } else {
        this.#emit({ type: n.textDone, ...at, text: reply });
      }
      this.#emit({ type: "response.content_part.done", ...at, part: done });
      item.status = "completed";
      item.content = [done];
      this.#emit({ type: "response.output_item.done", ...base, item });
      if (n.itemAdded === "conversation.item.added")
        this.#emit({ type: "conversation.item.done", previous_item_id: null, item });
    });
    return steps;
  }
}

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

function pickTool(
  tools: { name?: string; parameters?: unknown; type?: string }[],
  choice: unknown,
): { name: string; parameters?: unknown } | undefined {
  const functions = tools.filter((t) => typeof t.name === "string") as {
    name: string;
    parameters?: unknown;
  }[];
  if (functions.length === 0) return undefined;
  const named = (choice as { name?: unknown } | undefined)?.name;
  return functions.find((t) => t.name === named) ?? functions[0];
}

function itemText(item: Item | undefined): string {
  const content = (item?.content ?? []) as { text?: string; transcript?: string | null }[];
  return content.map((c) => c.text ?? c.transcript ?? "").join(" ");
}

function replyText(items: Item[], last: Item | undefined): string {
  if (last?.type === "function_call_output") {
    const results: string[] = [];
    for (let i = items.length - 1; i >= 0 && items[i]!.type !== "message"; i--)
      if (items[i]!.type === "function_call_output") results.unshift(clip(String(items[i]!.output), 200));
    return `Based on the function results (${results.join("; ")}), here is the answer.`;
  }
  const question = clip(itemText(last), 400);
  if (!question) return "Hello! This is a deterministic reply from the Azure OpenAI emulator.";
  return `You said: "${question}". This is a deterministic reply from the Azure OpenAI emulator.`;
}
