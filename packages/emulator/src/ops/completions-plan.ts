import {
  type ChoiceFilterResults,
  filteredChoiceResults,
  type PromptFilterResult,
  safeChoiceResults,
  safePromptResults,
} from "../content-filter.js";
import { invalidRequest } from "../errors.js";
import { createdFrom, idFrom, sha256Hex } from "../hash.js";
import { clip, countTokens, limitTokens } from "../text.js";
import { longText } from "./chat-plan.js";
import { checkInteger } from "./chat-validate.js";
import type { OpRequest } from "./types.js";

/** One choice, decided before it is rendered as JSON or as a stream. */
export interface PlannedCompletion {
  text: string;
  /** Across prompts: `prompt_index * n + i`, as the service numbers them. */
  index: number;
  finish_reason: string;
  content_filter_results: ChoiceFilterResults;
}

/** The full answer to a legacy completions request. */
export interface CompletionPlan {
  head: { id: string; object: "text_completion"; created: number; model: string; system_fingerprint: string };
  choices: PlannedCompletion[];
  usage: { completion_tokens: number; prompt_tokens: number; total_tokens: number };
  prompt_filter_results: PromptFilterResult[];
  /** Top alternatives per token when `logprobs` was asked for. */
  logprobs: number | undefined;
  include_usage: boolean;
}

/**
 * Checks the request as the service does (400s in Azure's shape) and decides every choice,
 * deterministically: a sentence quoting the prompt (and `suffix`), cut at the first `stop`
 * sequence, then at `max_tokens`; `echo` puts the prompt first. A scripted reply (the
 * `x-aoai-emulator-reply` header) replaces the text, finish reason, usage and filter results.
 */
export function planCompletion(req: OpRequest): CompletionPlan {
  const body = req.body;
  const prompts = normalizePrompts(body.prompt);
  checkInteger(body, "n", 1, 128);
  checkInteger(body, "max_tokens", 0, 1_000_000);
  checkInteger(body, "logprobs", 0, 5);
  checkInteger(body, "best_of", 0, 20);
  const n = (body.n as number | undefined) ?? 1;
  const bestOf = body.best_of as number | undefined;
  if (bestOf != null && bestOf < n)
    throw invalidRequest("best_of must be greater than or equal to n.", "best_of", "invalid_value");
  if (bestOf != null && bestOf > 1 && body.stream === true)
    throw invalidRequest("best_of > 1 cannot be used with stream.", "best_of", "invalid_value");
  const stops = stopSequences(body.stop);
  if (body.suffix != null && typeof body.suffix !== "string")
    throw invalidRequest("'suffix' must be a string", "suffix", "invalid_type");

  const script = req.script;
  const choices: PlannedCompletion[] = [];
  prompts.forEach((prompt, p) => {
    const planned =
      script?.content != null
        ? { text: script.content, finish_reason: "stop" }
        : generated(req, prompt, stops);
    const text = body.echo === true ? prompt + planned.text : planned.text;
    const finish_reason = script?.finish_reason ?? planned.finish_reason;
    const content_filter_results =
      script?.content_filter_results ??
      (finish_reason === "content_filter" ? filteredChoiceResults() : safeChoiceResults());
    for (let i = 0; i < n; i++)
      choices.push({ text, index: p * n + i, finish_reason, content_filter_results });
  });
  const promptTokens = prompts.reduce((s, p) => s + countTokens(p), 0);
  // best_of generates that many candidates per prompt and bills them all.
  const candidates = Math.max(bestOf ?? 1, n) / n;
  const completionTokens = Math.round(choices.reduce((s, c) => s + countTokens(c.text), 0) * candidates);
  const usage = {
    completion_tokens: completionTokens,
    prompt_tokens: promptTokens,
    total_tokens: promptTokens + completionTokens,
    ...script?.usage,
  };
  if (script?.usage && script.usage.total_tokens === undefined)
    usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
  const streamOptions = body.stream_options as { include_usage?: unknown } | undefined;
  return {
    head: {
      id: `cmpl-${idFrom(req.seed)}`,
      object: "text_completion",
      created: createdFrom(req.seed),
      model: req.model,
      system_fingerprint: `fp_${sha256Hex(req.model).slice(0, 10)}`,
    },
    choices,
    usage,
    prompt_filter_results: script?.prompt_filter_results ?? safePromptResults(prompts.length),
    logprobs: typeof body.logprobs === "number" ? body.logprobs : undefined,
    include_usage: streamOptions?.include_usage === true,
  };
}

function generated(req: OpRequest, prompt: string, stops: string[]): { text: string; finish_reason: string } {
  if (req.streamChunks !== undefined) return { text: longText(req.streamChunks), finish_reason: "stop" };
  const suffix = typeof req.body.suffix === "string" && req.body.suffix ? req.body.suffix : undefined;
  let text = ` This is a deterministic completion of "${clip(prompt, 120)}" from the Azure OpenAI emulator.`;
  if (suffix) text += ` It leads into "${clip(suffix, 60)}".`;
  // The returned text ends before the stop sequence, which is not included.
  let cut = -1;
  for (const stop of stops) {
    const at = text.indexOf(stop);
    if (at >= 0 && (cut < 0 || at < cut)) cut = at;
  }
  if (cut >= 0) text = text.slice(0, cut);
  const limited = limitTokens(text, req.body.max_tokens as number | undefined);
  return { text: limited.text, finish_reason: limited.truncated ? "length" : "stop" };
}

function stopSequences(stop: unknown): string[] {
  if (stop === undefined || stop === null) return [];
  if (typeof stop === "string") return stop ? [stop] : [];
  if (Array.isArray(stop) && stop.length >= 1 && stop.length <= 4 && stop.every((s) => typeof s === "string"))
    return (stop as string[]).filter(Boolean);
  throw invalidRequest("'stop' must be a string or an array of 1 to 4 strings", "stop", "invalid_type");
}

function normalizePrompts(prompt: unknown): string[] {
  if (prompt === undefined || prompt === null)
    throw invalidRequest("'prompt' is a required property", "prompt", "missing_required_parameter");
  if (typeof prompt === "string") return [prompt];
  if (Array.isArray(prompt) && prompt.length > 0) {
    if (prompt.every((p) => typeof p === "number")) return [tokensText(prompt, "prompt")];
    return prompt.map((p, i) => {
      if (typeof p === "string") return p;
      if (Array.isArray(p) && p.length > 0) return tokensText(p, `prompt[${i}]`);
      throw invalidRequest(
        `'prompt[${i}]' must be a string or a non-empty array of token ids`,
        `prompt[${i}]`,
        "invalid_type",
      );
    });
  }
  throw invalidRequest("'prompt' must be a string or a non-empty array", "prompt", "invalid_type");
}

/** A token-id prompt, as text the deterministic reply can quote. */
function tokensText(tokens: unknown[], param: string): string {
  if (!tokens.every((t) => Number.isInteger(t) && (t as number) >= 0))
    throw invalidRequest(`'${param}' must contain only token ids (integers >= 0)`, param, "invalid_type");
  return `tokens ${tokens.join(" ")}`;
}
