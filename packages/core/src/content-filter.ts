// Azure's content-filter annotations, shared by chat, completions and images responses and by the
// content-filter 400 error. Field names follow the wire.

/** Severity-graded categories. */
export type ContentFilterSeverity = "safe" | "low" | "medium" | "high";

export interface ContentFilterSeverityResult {
  filtered: boolean;
  severity: ContentFilterSeverity;
}

export interface ContentFilterDetectedResult {
  filtered: boolean;
  detected: boolean;
}

export interface ContentFilterDetectedWithCitationResult extends ContentFilterDetectedResult {
  citation?: { URL?: string; license?: string };
}

export interface ContentFilterIdResult {
  id: string;
  filtered: boolean;
}

/** The filter failed to run; the content was not checked. */
export interface ContentFilterErrorBase {
  code: string;
  message: string;
}

/** Results on a prompt (in `prompt_filter_results` and in the content-filter 400). */
export interface ContentFilterPromptResults {
  hate?: ContentFilterSeverityResult;
  sexual?: ContentFilterSeverityResult;
  violence?: ContentFilterSeverityResult;
  self_harm?: ContentFilterSeverityResult;
  profanity?: ContentFilterDetectedResult;
  jailbreak?: ContentFilterDetectedResult;
  indirect_attack?: ContentFilterDetectedResult;
  custom_blocklists?: ContentFilterIdResult[] | { filtered: boolean; details: ContentFilterIdResult[] };
  error?: ContentFilterErrorBase;
}

/** Results on generated content (`choices[].content_filter_results`). */
export interface ContentFilterChoiceResults
  extends Omit<ContentFilterPromptResults, "jailbreak" | "indirect_attack"> {
  protected_material_text?: ContentFilterDetectedResult;
  protected_material_code?: ContentFilterDetectedWithCitationResult;
  ungrounded_material?: { filtered: boolean; detected: boolean; details?: unknown[] };
}

/**
 * Where an Asynchronous Filter annotation applies, in characters of the choice's text so far: its
 * results cover `start_offset` to `end_offset`, and everything before `check_offset` has been
 * checked (it never decreases). Only streams of a deployment whose filter runs asynchronously
 * carry it, on annotation chunks that may trail the text they cover.
 */
export interface ContentFilterOffsets {
  check_offset: number;
  start_offset: number;
  end_offset: number;
}

/**
 * One entry of `content_filters`, the newer error body's list of filter runs (Azure's v1 API):
 * whether it blocked, what it ran on (`prompt`, `completion`…) and its per-category results.
 */
export interface ContentFilterBlock {
  blocked: boolean;
  source_type?: string;
  content_filter_results?: ContentFilterPromptResults;
  content_filter_offsets?: ContentFilterOffsets;
  content_filter_raw?: unknown[];
  [key: string]: unknown;
}

/** One entry of `prompt_filter_results`. */
export interface PromptFilterResult {
  prompt_index: number;
  content_filter_results?: ContentFilterPromptResults;
}

/** The categories that caused filtering, for error messages and logs. */
export function filteredCategories(results: object | null | undefined): string[] {
  if (!results) return [];
  const out: string[] = [];
  for (const [name, value] of Object.entries(results)) {
    if (value && typeof value === "object" && (value as { filtered?: unknown }).filtered === true)
      out.push(name);
  }
  return out;
}

/**
 * Merges a stream chunk's filter results into those so far, per category: the latest value,
 * except that a category once `filtered: true` stays so. Returns `into` (a new object the first
 * time), never writing into `from`.
 */
export function mergeFilters<T extends object>(into: T | undefined, from: T): T {
  const merged = (into ?? {}) as Record<string, { filtered?: boolean } | undefined>;
  const next = from as Record<string, { filtered?: boolean } | undefined>;
  // for-in, not Object.entries: this runs on every chunk of a stream, and the pairs array showed
  // up in the streaming CPU profile (bench/src/profile.ts).
  for (const name in next) {
    const value = next[name];
    if (!merged[name]?.filtered || value?.filtered) merged[name] = value;
  }
  return merged as T;
}
