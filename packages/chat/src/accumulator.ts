import type { ContentFilterChoiceResults } from "@aoai/core";
import { appendText, type FilterMerge, filterMerge } from "@aoai/core/internal";
import type { ChatToolCall } from "./request-types.js";
import type { ChatCompletion, ChatCompletionChunk } from "./response-types.js";

type Loose = Record<string, unknown>;

/** The largest choice index taken (`n` is at most 128). */
const MAX_INDEX = 1_000_000;

/**
 * Builds the final {@link ChatCompletion} from stream chunks: content, refusal, tool calls (their
 * argument fragments joined), logprobs, usage, On Your Data context, content-filter results and
 * the Asynchronous Filter's latest offsets, for every choice. Chunks are read, never copied, so
 * the cost is O(total size). Azure's prompt-filter chunk (empty `choices`, blank `id`) and
 * filter-annotation chunks (no `delta`) are fine. Filter results merge per category; a category
 * that was `filtered: true` once stays so. Deltas of the deprecated `function_call` are not
 * accumulated (use tools).
 */
export class ChatCompletionAccumulator {
  readonly #result: ChatCompletion = {
    id: "",
    object: "chat.completion",
    created: 0,
    model: "",
    choices: [],
  };
  /** Each choice's content so far (set into its message by result()). */
  readonly #content: (string[] | undefined)[] = [];
  /** Each choice's filter results so far (set into it by result()). */
  readonly #filters: (FilterMerge<ContentFilterChoiceResults> | undefined)[] = [];

  /** Adds one chunk. */
  add(chunk: ChatCompletionChunk): void {
    const result = this.#result as unknown as Loose;
    // Copied when a chunk has them (blank ones are skipped). Spelled out rather than looped over a
    // list of names: this runs per chunk, and named accesses stay monomorphic.
    if (chunk.id) result.id = chunk.id;
    if (chunk.created) result.created = chunk.created;
    if (chunk.model) result.model = chunk.model;
    if (chunk.system_fingerprint) result.system_fingerprint = chunk.system_fingerprint;
    if (chunk.service_tier) result.service_tier = chunk.service_tier;
    if (chunk.usage) result.usage = chunk.usage;
    if (chunk.prompt_filter_results) {
      result.prompt_filter_results = (this.#result.prompt_filter_results ?? []).concat(
        chunk.prompt_filter_results,
      );
    }
    const choices = this.#result.choices;
    const parts = chunk.choices ?? [];
    // A chunk whose choices are not a list fails the stream, typed (as for-of would throw).
    if (!Array.isArray(parts)) throw new TypeError("choices");
    // Indexed: this runs per chunk, and for-of with `?? []` here and on tool_calls cost about 25 ns
    // more per chunk (the accumulator alone over 20,000 Azure chunks).
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      const index = part.index ?? 0;
      // Not a whole number (`"__proto__"` would reach Array.prototype), or so large that the
      // sparse array would make result() walk millions of holes: the stream fails, typed.
      if (index >>> 0 !== index || index > MAX_INDEX) throw new TypeError(`choice index ${index}`);
      choices[index] ??= {
        index,
        message: { role: "assistant", content: null, refusal: null },
        finish_reason: null,
        logprobs: null,
      };
      const choice = choices[index];
      const delta = part.delta;
      const message = choice.message;
      if (delta) {
        if (typeof delta.content === "string") {
          this.#content[index] ??= [];
          appendText(this.#content[index], delta.content);
        }
        if (typeof delta.refusal === "string") message.refusal = (message.refusal ?? "") + delta.refusal;
        const fragments = delta.tool_calls;
        if (fragments)
          for (const fragment of fragments) {
            message.tool_calls ??= [];
            const calls = message.tool_calls;
            const at = fragment.index ?? calls.length;
            calls[at] ??= { id: "", type: "function", function: { name: "", arguments: "" } };
            const call: ChatToolCall = calls[at];
            if (fragment.id) call.id = fragment.id;
            call.function.name += fragment.function?.name ?? "";
            call.function.arguments += fragment.function?.arguments ?? "";
          }
        // On Your Data sends its context whole, on the first delta.
        if (delta.context) message.context = { ...message.context, ...delta.context };
      }
      if (part.finish_reason) choice.finish_reason = part.finish_reason;
      const logprobs = part.logprobs;
      if (logprobs) {
        // Appended in place, not concatenated: a long stream must not copy the lists per chunk.
        choice.logprobs ??= { content: null, refusal: null };
        const into = choice.logprobs;
        if (logprobs.content) {
          into.content ??= [];
          into.content.push(...logprobs.content);
        }
        if (logprobs.refusal) {
          into.refusal ??= [];
          into.refusal.push(...logprobs.refusal);
        }
      }
      if (part.content_filter_results) {
        this.#filters[index] ??= filterMerge();
        this.#filters[index].add(part.content_filter_results);
      }
      // Each annotation's offsets replace the last: `check_offset` never decreases, so the latest
      // one says the most about how far the Asynchronous Filter got.
      if (part.content_filter_offsets) choice.content_filter_offsets = part.content_filter_offsets;
    }
  }

  /** The completion so far; after the last chunk, the final one. Choices are sorted by index. */
  result(): ChatCompletion {
    const choices = this.#result.choices;
    this.#content.forEach((text, index) => {
      if (text) choices[index]!.message.content = text.join("");
    });
    this.#filters.forEach((filters, index) => {
      if (filters) choices[index]!.content_filter_results = filters.result();
    });
    return { ...this.#result, choices: choices.filter(Boolean) };
  }
}
