import { safeDeltaResults } from "../content-filter.js";
import { DONE_FRAME, dataFrame, type SseFrames } from "../reply.js";
import { wordPieces } from "../text.js";
import { legacyLogprobs } from "./completions-logprobs.js";
import type { CompletionPlan, PlannedCompletion } from "./completions-plan.js";
import { WORD_SLOT, wordFrames } from "./long-stream.js";

/**
 * The SSE frames of a streamed legacy completion, in Azure's order: the prompt-filter chunk
 * (empty `choices`, blank id/model/object, created 0, every prompt's results), word-sized text
 * chunks annotated with filter results (choices interleaved, as the service sends them when `n`
 * or several prompts make more than one), each choice's finish chunk, the usage chunk when
 * `stream_options.include_usage` (other chunks then carry `usage: null`), then `[DONE]`.
 */
export function completionStream(plan: CompletionPlan, longChunks: number | undefined): SseFrames {
  if (longChunks !== undefined) return longStream(plan, longChunks);
  const frames: string[] = [promptFilterFrame(plan)];
  const pieces = plan.choices.map((c) => wordPieces(c.text));
  const logprobs = plan.choices.map((c) =>
    plan.logprobs === undefined ? undefined : legacyLogprobs(c.text, plan.logprobs),
  );
  const longest = Math.max(0, ...pieces.map((p) => p.length));
  for (let k = 0; k < longest; k++) {
    plan.choices.forEach((choice, c) => {
      const piece = pieces[c]![k];
      if (piece === undefined) return;
      const lp = logprobs[c];
      frames.push(
        dataFrame(
          chunk(plan, {
            text: piece,
            index: choice.index,
            finish_reason: null,
            logprobs: lp
              ? {
                  tokens: [lp.tokens[k]],
                  token_logprobs: [lp.token_logprobs[k]],
                  top_logprobs: [lp.top_logprobs[k]],
                  text_offset: [lp.text_offset[k]],
                }
              : null,
            content_filter_results: safeDeltaResults(),
          }),
        ),
      );
    });
  }
  for (const choice of plan.choices) frames.push(dataFrame(chunk(plan, finish(choice))));
  if (plan.include_usage) frames.push(dataFrame({ ...plan.head, choices: [], usage: plan.usage }));
  frames.push(DONE_FRAME);
  return frames;
}

function promptFilterFrame(plan: CompletionPlan): string {
  return dataFrame({
    id: "",
    object: "",
    created: 0,
    model: "",
    prompt_filter_results: plan.prompt_filter_results,
    choices: [],
  });
}

function chunk(plan: CompletionPlan, choice: unknown) {
  return plan.include_usage
    ? { ...plan.head, choices: [choice], usage: null }
    : { ...plan.head, choices: [choice] };
}

function finish(choice: PlannedCompletion) {
  return {
    text: "",
    index: choice.index,
    finish_reason: choice.finish_reason,
    logprobs: null,
    content_filter_results: choice.finish_reason === "content_filter" ? choice.content_filter_results : {},
  };
}

/** `count` text chunks of choice 0 (see long-stream.ts). */
function longStream(plan: CompletionPlan, count: number): SseFrames {
  const template = dataFrame(
    chunk(plan, {
      text: WORD_SLOT,
      index: 0,
      finish_reason: null,
      logprobs: null,
      content_filter_results: safeDeltaResults(),
    }),
  );
  const first = plan.choices[0];
  const tail = first ? [dataFrame(chunk(plan, finish({ ...first, index: 0 })))] : [];
  if (plan.include_usage) tail.push(dataFrame({ ...plan.head, choices: [], usage: plan.usage }));
  return wordFrames(template, [promptFilterFrame(plan)], count, tail);
}
