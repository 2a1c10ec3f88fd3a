import { filteredCategories } from "@aoai/core/internal";
import type { ChatCompletion } from "./response-types.js";

/** What Azure's content filter did to a completion. */
export interface ContentFilterSummary {
  /** True when the prompt or any choice had a category filtered, or a choice ended `content_filter`. */
  filtered: boolean;
  /** Filtered categories on the prompt, e.g. `["jailbreak"]`. */
  prompt: string[];
  /** Per choice: its finish reason and filtered categories, e.g. `["violence"]`. */
  choices: Array<{ index: number; finish_reason: string | null; categories: string[] }>;
}

/**
 * Lists the content-filter categories that fired, from `prompt_filter_results` and each choice's
 * `content_filter_results` (works on `complete()` results and on `finalCompletion()`).
 * A prompt the filter rejects outright is not a completion: it throws core's `ContentFilterError`.
 */
export function contentFilterSummary(completion: ChatCompletion): ContentFilterSummary {
  const prompt = (completion.prompt_filter_results ?? []).flatMap((r) =>
    filteredCategories(r.content_filter_results),
  );
  const choices = completion.choices.map((c) => ({
    index: c.index,
    finish_reason: c.finish_reason,
    categories: filteredCategories(c.content_filter_results),
  }));
  const filtered =
    prompt.length > 0 || choices.some((c) => c.categories.length > 0 || c.finish_reason === "content_filter");
  return { filtered, prompt, choices };
}
