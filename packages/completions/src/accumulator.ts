import type { ContentFilterChoiceResults } from "@aoai/core";
import { addChunkHeader, appendText, type FilterMerge, filterMerge } from "@aoai/core/internal";
import type { Completion, CompletionChoice, CompletionChunk, CompletionLogprobs } from "./response-types.js";

// n is at most 128 per prompt; far more prompts than this do not fit a request.
const MAX_INDEX = 1_000_000;

/**
 * Builds the final {@link Completion} from stream chunks, per choice index (choices of several
 * prompts are numbered `prompt_index * n + i` and may arrive interleaved): text joined, logprobs
 * lists (`tokens`, `token_logprobs`, `top_logprobs`, `text_offset`) concatenated, finish reason,
 * content-filter results; per prompt, `prompt_filter_results`; and usage. Chunks are read, never
 * copied, so the cost is O(total size). Filter results merge per category; a category that was
 * `filtered: true` once stays so. A choice index that is not a whole number up to a million throws
 * a `TypeError` (`CompletionStream` turns it into `InvalidResponseError`).
 */
export class CompletionAccumulator {
  readonly #result: Completion = { id: "", object: "text_completion", created: 0, model: "", choices: [] };
  /** Each choice's text so far (set into it by result()). */
  readonly #text: (string[] | undefined)[] = [];
  /** Each choice's content-filter results so far (set into it by result()). */
  readonly #filters: (FilterMerge<ContentFilterChoiceResults> | undefined)[] = [];

  /** The text `chunk` carries for `choice`. */
  text(chunk: CompletionChunk, choice: number): string | undefined {
    for (const part of chunk.choices ?? []) if ((part.index ?? 0) === choice) return part.text;
    return undefined;
  }

  /** Adds one chunk. */
  add(chunk: CompletionChunk): void {
    addChunkHeader(this.#result, chunk);
    const choices = this.#result.choices;
    for (const part of chunk.choices ?? []) {
      const index = part.index ?? 0;
      // A sparse array this long would make result() walk millions of holes.
      if (index >>> 0 !== index || index > MAX_INDEX) throw new TypeError(`choice index ${index}`);
      let choice = choices[index];
      if (!choice) {
        choice = { text: "", index, finish_reason: null, logprobs: null };
        choices[index] = choice;
      }
      if (part.text) {
        this.#text[index] ??= [];
        appendText(this.#text[index], part.text);
      }
      if (part.finish_reason) choice.finish_reason = part.finish_reason;
      if (part.logprobs) appendLogprobs(choice, part.logprobs);
      // Chat's rule, at chat's cost: most chunks repeat the categories of the one before.
      if (part.content_filter_results) {
        this.#filters[index] ??= filterMerge();
        this.#filters[index].add(part.content_filter_results);
      }
    }
  }

  /** The completion so far; after the last chunk, the final one. Choices are sorted by index. */
  result(): Completion {
    const choices = this.#result.choices;
    this.#text.forEach((text, index) => {
      if (text) choices[index]!.text = text.join("");
    });
    this.#filters.forEach((filters, index) => {
      if (filters) choices[index]!.content_filter_results = filters.result();
    });
    return { ...this.#result, choices: choices.filter(Boolean) };
  }
}

const LOGPROB_LISTS = ["tokens", "token_logprobs", "top_logprobs", "text_offset"] as const;

// Appended in place, not concatenated: a long stream must not copy the lists per chunk.
function appendLogprobs(choice: CompletionChoice, from: CompletionLogprobs): void {
  choice.logprobs ??= {} as CompletionLogprobs;
  const into = choice.logprobs as unknown as Record<string, unknown[]>;
  for (const list of LOGPROB_LISTS) {
    into[list] ??= [];
    into[list].push(...(from[list] ?? []));
  }
}
