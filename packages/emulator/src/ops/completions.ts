import { safeChoiceResults, safeDeltaResults, safePromptResults } from "../content-filter.js";
import { invalidRequest } from "../errors.js";
import { createdFrom, fnv1a, idFrom, sha256Hex } from "../hash.js";
import { DONE_FRAME, dataFrame, type Reply } from "../reply.js";
import { clip, countTokens, limitTokens, wordPieces } from "../text.js";
import { checkInteger } from "./chat-validate.js";
import type { OpRequest } from "./types.js";

interface PlannedCompletion {
  text: string;
  index: number;
  finish_reason: string;
}

/** Legacy `completions`: JSON or SSE. */
export function completions(req: OpRequest): Reply {
  const prompts = normalizePrompts(req.body.prompt);
  checkInteger(req.body, "n", 1, 128);
  checkInteger(req.body, "max_tokens", 1, 1_000_000);
  checkInteger(req.body, "logprobs", 0, 5);
  const n = (req.body.n as number | undefined) ?? 1;
  const maxTokens = req.body.max_tokens as number | undefined;
  const choices: PlannedCompletion[] = [];
  prompts.forEach((prompt, p) => {
    const limited = limitTokens(
      ` This is a deterministic completion of "${clip(prompt, 120)}" from the Azure OpenAI emulator.`,
      maxTokens,
    );
    const text = req.body.echo === true ? prompt + limited.text : limited.text;
    for (let i = 0; i < n; i++)
      choices.push({ text, index: p * n + i, finish_reason: limited.truncated ? "length" : "stop" });
  });
  const promptTokens = prompts.reduce((s, p) => s + countTokens(p), 0);
  const completionTokens = choices.reduce((s, c) => s + countTokens(c.text), 0);
  const usage = {
    completion_tokens: completionTokens,
    prompt_tokens: promptTokens,
    total_tokens: promptTokens + completionTokens,
  };
  const head = {
    id: `cmpl-${idFrom(req.seed)}`,
    object: "text_completion",
    created: createdFrom(req.seed),
    model: req.model,
    system_fingerprint: `fp_${sha256Hex(req.model).slice(0, 10)}`,
  };
  const logprobs = typeof req.body.logprobs === "number" ? req.body.logprobs : undefined;
  const prompt_filter_results = safePromptResults(prompts.length);
  if (req.body.stream === true) {
    const frames = [
      dataFrame({ id: "", object: "", created: 0, model: "", prompt_filter_results, choices: [] }),
    ];
    for (const c of choices) {
      for (const piece of wordPieces(c.text)) {
        const choice = {
          text: piece,
          index: c.index,
          finish_reason: null,
          logprobs: null,
          content_filter_results: safeDeltaResults(),
        };
        frames.push(dataFrame({ ...head, choices: [choice] }));
      }
      const last = {
        text: "",
        index: c.index,
        finish_reason: c.finish_reason,
        logprobs: null,
        content_filter_results: {},
      };
      frames.push(dataFrame({ ...head, choices: [last] }));
    }
    const options = req.body.stream_options as { include_usage?: unknown } | undefined;
    if (options?.include_usage === true) frames.push(dataFrame({ ...head, choices: [], usage }));
    frames.push(DONE_FRAME);
    return { kind: "sse", frames };
  }
  return {
    kind: "json",
    status: 200,
    body: {
      ...head,
      choices: choices.map((c) => ({
        text: c.text,
        index: c.index,
        finish_reason: c.finish_reason,
        logprobs: logprobs === undefined ? null : legacyLogprobs(c.text, logprobs),
        content_filter_results: safeChoiceResults(),
      })),
      usage,
      prompt_filter_results,
    },
  };
}

function normalizePrompts(prompt: unknown): string[] {
  if (prompt === undefined || prompt === null)
    throw invalidRequest("'prompt' is a required property", "prompt", "missing_required_parameter");
  if (typeof prompt === "string") return [prompt];
  if (Array.isArray(prompt) && prompt.length > 0) {
    if (prompt.every((p) => typeof p === "number")) return [`tokens ${prompt.join(" ")}`];
    return prompt.map((p, i) => {
      if (typeof p === "string") return p;
      if (Array.isArray(p) && p.every((t) => typeof t === "number")) return `tokens ${p.join(" ")}`;
      throw invalidRequest(
        `'prompt[${i}]' must be a string or an array of token ids`,
        `prompt[${i}]`,
        "invalid_type",
      );
    });
  }
  throw invalidRequest("'prompt' must be a string or a non-empty array", "prompt", "invalid_type");
}

function legacyLogprobs(text: string, top: number) {
  const tokens = wordPieces(text);
  let offset = 0;
  const text_offset = tokens.map((t) => {
    const at = offset;
    offset += t.length;
    return at;
  });
  const token_logprobs = tokens.map((t) => -((fnv1a(t) % 1000) / 1000));
  const top_logprobs = tokens.map((t, i) => {
    const entries: Record<string, number> = { [t]: token_logprobs[i]! };
    for (let k = 1; k < top; k++) entries[`${t.trim()}_${k}`] = token_logprobs[i]! - k - 1;
    return entries;
  });
  return { tokens, token_logprobs, top_logprobs, text_offset };
}
