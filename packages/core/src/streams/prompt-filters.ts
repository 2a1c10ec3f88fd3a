import { mergeFilters, type PromptFilterResult } from "../content-filter.js";

/**
 * Adds a chunk's `prompt_filter_results` to those so far and returns them: one entry per
 * `prompt_index`, in order, each prompt's categories merged as `mergeFilters` merges a choice's.
 * Entries are copies, so a later merge never writes into a chunk the caller may hold.
 */
export function mergePromptFilters(
  into: PromptFilterResult[] = [],
  results: readonly PromptFilterResult[],
): PromptFilterResult[] {
  for (const { content_filter_results: filters, ...result } of results) {
    const same = into.find((r) => r.prompt_index === result.prompt_index) ?? into[into.push(result) - 1]!;
    if (filters) same.content_filter_results = mergeFilters(same.content_filter_results, filters);
  }
  return into.sort((a, b) => a.prompt_index - b.prompt_index);
}
