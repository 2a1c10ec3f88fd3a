/** `{filtered, severity}` as Azure reports each harm category. */
export interface SeverityResult {
  filtered: boolean;
  severity: "safe" | "low" | "medium" | "high";
}

/** `{filtered, detected}` as Azure reports jailbreak, profanity and protected material. */
export interface DetectedResult {
  filtered: boolean;
  detected: boolean;
}

/** Content filter results on a completion choice. */
export interface ChoiceFilterResults {
  hate?: SeverityResult;
  sexual?: SeverityResult;
  violence?: SeverityResult;
  self_harm?: SeverityResult;
  protected_material_text?: DetectedResult;
  protected_material_code?: DetectedResult & { citation?: { URL?: string; license?: string } };
  profanity?: DetectedResult;
  [category: string]: unknown;
}

/** Content filter results on a prompt. */
export interface PromptFilterResult {
  prompt_index: number;
  content_filter_results: Record<string, unknown>;
}

const safe = (): SeverityResult => ({ filtered: false, severity: "safe" });
const clean = (): DetectedResult => ({ filtered: false, detected: false });

/** What Azure attaches to a clean completion choice. */
export function safeChoiceResults(): ChoiceFilterResults {
  return {
    hate: safe(),
    protected_material_code: clean(),
    protected_material_text: clean(),
    self_harm: safe(),
    sexual: safe(),
    violence: safe(),
  };
}

/** Per-delta results in a stream: Azure omits the protected-material checks there. */
export function safeDeltaResults(): ChoiceFilterResults {
  return { hate: safe(), self_harm: safe(), sexual: safe(), violence: safe() };
}

/** What Azure reports when output was cut by the filter. */
export function filteredChoiceResults(): ChoiceFilterResults {
  return { ...safeChoiceResults(), violence: { filtered: true, severity: "medium" } };
}

/** What Azure attaches to a clean prompt. */
export function safePromptResults(count = 1): PromptFilterResult[] {
  return Array.from({ length: count }, (_, prompt_index) => ({
    prompt_index,
    content_filter_results: {
      hate: safe(),
      jailbreak: clean(),
      self_harm: safe(),
      sexual: safe(),
      violence: safe(),
    },
  }));
}

/** DALL-E 3 per-image results. */
export function safeImageResults(): Record<string, SeverityResult> {
  return { hate: safe(), self_harm: safe(), sexual: safe(), violence: safe() };
}

/** DALL-E 3 per-image prompt results. */
export function safeImagePromptResults(): Record<string, SeverityResult | DetectedResult> {
  return { ...safeImageResults(), profanity: clean(), jailbreak: clean() };
}
