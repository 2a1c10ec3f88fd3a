import type { PromptFilterResult } from "../content-filter.js";
import type { CompletionUsage } from "../usage.js";
import { mergePromptFilters } from "./prompt-filters.js";

/** The top-level fields that chat and completion chunks repeat. */
export interface ChunkHeader {
  id?: string;
  created?: number;
  model?: string;
  system_fingerprint?: string | null;
  usage?: CompletionUsage | null;
  prompt_filter_results?: PromptFilterResult[];
}

/**
 * Copies a chunk's top-level fields into the accumulated result: blank ones are skipped, prompt
 * filter results merge per prompt. Spelled out rather than looped over a list of names: this runs
 * per chunk, and named accesses stay monomorphic.
 */
export function addChunkHeader(result: ChunkHeader, chunk: ChunkHeader): void {
  if (chunk.id) result.id = chunk.id;
  if (chunk.created) result.created = chunk.created;
  if (chunk.model) result.model = chunk.model;
  if (chunk.system_fingerprint) result.system_fingerprint = chunk.system_fingerprint;
  if (chunk.usage) result.usage = chunk.usage;
  if (chunk.prompt_filter_results)
    result.prompt_filter_results = mergePromptFilters(
      result.prompt_filter_results,
      chunk.prompt_filter_results,
    );
}
