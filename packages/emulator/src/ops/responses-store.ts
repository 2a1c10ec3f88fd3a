import { sha256Hex } from "../hash.js";
import type { Item } from "./responses-plan.js";

/** One stored response and what the service keeps with it. */
export interface StoredResponse {
  /** The response as it ends (status `completed`, `incomplete` or `failed`). */
  response: Record<string, unknown> & { id: string; output: Item[]; status: string; background: boolean };
  /** The request's input items, with ids (what `input_items` lists). */
  input: Item[];
  /** The whole conversation up to and including this response's output, for `previous_response_id`. */
  conversation: Item[];
  /** Its stream events, for streaming a background response again from `starting_after`. */
  events: Record<string, unknown>[];
  /** When it was created and when a background run ends, ms since the epoch. */
  createdMs: number;
  doneAt: number;
  cancelled: boolean;
}

// The service keeps responses 30 days; the emulator keeps the latest ones only, so a long test
// run cannot grow it without limit.
const MAX_RESPONSES = 1000;

/** Stored responses and the ids of their items (an id replayed in `input` must be one of these). */
export class ResponseStore {
  readonly #responses = new Map<string, StoredResponse>();
  readonly #items = new Map<string, string>();
  #counter = 0;

  /** A new id: the prefix, `_`, and 48 hex characters, unique in this emulator. */
  newId(prefix: string): string {
    return `${prefix}_${sha256Hex(`${prefix}:${++this.#counter}`).slice(0, 48)}`;
  }

  add(stored: StoredResponse): void {
    this.#responses.set(stored.response.id, stored);
    for (const item of [...stored.input, ...stored.response.output])
      if (item.id) this.#items.set(item.id, stored.response.id);
    if (this.#responses.size > MAX_RESPONSES) this.delete(this.#responses.keys().next().value!);
  }

  get(id: string): StoredResponse | undefined {
    return this.#responses.get(id);
  }

  hasItem(id: string): boolean {
    return this.#items.has(id);
  }

  delete(id: string): boolean {
    const stored = this.#responses.get(id);
    if (!stored) return false;
    this.#responses.delete(id);
    for (const item of [...stored.input, ...stored.response.output])
      if (item.id && this.#items.get(item.id) === id) this.#items.delete(item.id);
    return true;
  }
}
