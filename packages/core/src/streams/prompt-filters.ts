import { mergeFilters, type PromptFilterResult } from "../content-filter.js";

/**
 * Adds a chunk's `prompt_filter_results` to those so far and returns them: one entry per
 * `prompt_index`, in order, each prompt's categories merged as `mergeFilters` merges a choice's.
 * Entries are copies, so a later merge never writes into a chunk the caller may hold.
 */
export function mergePromptFilters(
  into: PromptFilterResult[] | undefined,
  results: readonly PromptFilterResult[],
): PromptFilterResult[] {
  const merged = into ?? [];
  for (const { content_filter_results: filters, ...result } of results) {
    let same = merged.find((r) => r.prompt_index === result.prompt_index);
    if (!same) {
      same = result;
      merged.push(same);
    }
    if (filters) same.content_filter_results = mergeFilters(same.content_filter_results, filters);
  }
  return merged.sort((a, b) => a.prompt_index - b.prompt_index);
}
