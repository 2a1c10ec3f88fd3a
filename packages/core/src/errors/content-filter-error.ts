import {
  type ContentFilterBlock,
  type ContentFilterPromptResults,
  filteredCategories,
  mergeFilters,
} from "../content-filter.js";
import { type APIErrorInit, BadRequestError } from "./api-error.js";

/**
 * Azure's 400 for filtered content: `content_filter` (chat, completions), `content_policy_violation`
 * (images) or `moderation_blocked` (gpt-image models). `contentFilterResults` holds the typed
 * per-category results from `innererror` (images spell it `inner_error` and
 * `content_filter_results`). The newer shape (`innererror.code` `ContentFiltered`, a
 * `content_filters` list of filter runs) gives the same fields: `contentFilterResults` merges the
 * runs' results (a category filtered in any run stays filtered), `contentFilters` keeps the list.
 */
export class ContentFilterError extends BadRequestError {
  static override readonly kind: string = "ContentFilterError";
  /** `innererror.code`, e.g. `ResponsibleAIPolicyViolation`. */
  readonly innerCode: string | undefined;
  readonly contentFilterResults: ContentFilterPromptResults | undefined;
  /** The newer body's `content_filters`: each filter run, whether it blocked, and its results. */
  readonly contentFilters: ContentFilterBlock[] | undefined;
  /** The categories that were filtered, e.g. `["jailbreak", "violence"]`. */
  readonly filtered: string[];

  constructor(init: APIErrorInit) {
    super(init);
    const inner = innerError(init.error);
    this.innerCode = inner?.code;
    this.contentFilters = filterBlocks(init.error);
    this.contentFilterResults = (inner?.content_filter_result ??
      inner?.content_filter_results ??
      blockResults(this.contentFilters)) as ContentFilterPromptResults | undefined;
    this.filtered = filteredCategories(this.contentFilterResults);
    if (this.filtered.length > 0) this.message += ` [filtered: ${this.filtered.join(", ")}]`;
  }
}

/** The `innererror` of an error body, as chat spells it or as images do (`inner_error`). */
export function innerError(
  error: APIErrorInit["error"],
): { code?: string; [key: string]: unknown } | undefined {
  return (error?.innererror ?? error?.inner_error) as { code?: string; [key: string]: unknown } | undefined;
}

/** The newer error body's `content_filters`, when it has a list there. */
export function filterBlocks(error: APIErrorInit["error"]): ContentFilterBlock[] | undefined {
  const blocks = error?.content_filters;
  return Array.isArray(blocks) ? (blocks as ContentFilterBlock[]) : undefined;
}

function blockResults(blocks: ContentFilterBlock[] | undefined): ContentFilterPromptResults | undefined {
  let merged: ContentFilterPromptResults | undefined;
  for (const block of blocks ?? [])
    if (block?.content_filter_results) merged = mergeFilters(merged, block.content_filter_results);
  return merged;
}
