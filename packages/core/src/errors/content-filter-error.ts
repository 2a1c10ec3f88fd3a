import { type ContentFilterPromptResults, filteredCategories } from "../content-filter.js";
import { type APIErrorInit, BadRequestError } from "./api-error.js";

/**
 * Azure's 400 for filtered content: `content_filter` (chat, completions), `content_policy_violation`
 * (images) or `moderation_blocked` (gpt-image models). `contentFilterResults` holds the typed
 * per-category results from `innererror` (images spell it `inner_error` and
 * `content_filter_results`).
 */
export class ContentFilterError extends BadRequestError {
  static override readonly kind: string = "ContentFilterError";
  /** `innererror.code`, e.g. `ResponsibleAIPolicyViolation`. */
  readonly innerCode: string | undefined;
  readonly contentFilterResults: ContentFilterPromptResults | undefined;
  /** The categories that were filtered, e.g. `["jailbreak", "violence"]`. */
  readonly filtered: string[];

  constructor(init: APIErrorInit) {
    super(init);
    const inner = innerError(init.error);
    this.innerCode = inner?.code;
    this.contentFilterResults = (inner?.content_filter_result ?? inner?.content_filter_results) as
      | ContentFilterPromptResults
      | undefined;
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
