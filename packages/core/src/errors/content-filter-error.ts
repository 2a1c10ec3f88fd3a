import { type ContentFilterPromptResults, filteredCategories } from "../content-filter.js";
import { type APIErrorInit, BadRequestError } from "./api-error.js";

/**
 * Azure's 400 `content_filter`: the prompt (or the completion, for some models) was filtered.
 * `contentFilterResults` holds the typed per-category results from `innererror`.
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
    const inner = init.error?.innererror;
    this.innerCode = inner?.code;
    this.contentFilterResults = inner?.content_filter_result as ContentFilterPromptResults | undefined;
    this.filtered = filteredCategories(this.contentFilterResults);
    if (this.filtered.length > 0) this.message += ` [filtered: ${this.filtered.join(", ")}]`;
  }
}
