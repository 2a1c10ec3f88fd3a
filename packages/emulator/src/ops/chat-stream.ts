import { safeDeltaResults } from "../content-filter.js";
import { tokenLogprobs } from "../logprobs.js";
import { DONE_FRAME, dataFrame, type SseFrames } from "../reply.js";
import { fixedPieces, wordPieces } from "../text.js";
import type { ChatPlan, PlannedChoice } from "./chat-plan.js";
import { WORD_SLOT, wordFrames } from "./long-stream.js";

// Tool call arguments arrive in fragments of about this many characters, as OpenAI sends them.
const ARGUMENT_FRAGMENT = 12;

/**
 * The SSE frames of a streamed chat completion, in Azure's order: the prompt-filter chunk (empty
 * `choices`, blank id/model/object, created 0), a role delta, content deltas each annotated with
 * filter results, the finish chunk, the usage chunk when asked, then `[DONE]`.
 */
export function chatStream(plan: ChatPlan, longChunks: number | undefined): SseFrames {
  if (longChunks !== undefined) return longStream(plan, longChunks);
  const frames: string[] = [promptFilterFrame(plan)];
  plan.choices.forEach((choice, index) => {
    for (const payload of choicePayloads(plan, choice, index)) frames.push(dataFrame(chunk(plan, [payload])));
  });
  if (plan.include_usage) frames.push(dataFrame({ ...chunk(plan, []), usage: plan.usage }));
  frames.push(DONE_FRAME);
  return frames;
}

function promptFilterFrame(plan: ChatPlan): string {
  return dataFrame({
    choices: [],
    created: 0,
    id: "",
    model: "",
    object: "",
    prompt_filter_results: plan.prompt_filter_results,
  });
}

function chunk(plan: ChatPlan, choices: unknown[]) {
  return {
    choices,
    created: plan.created,
    id: plan.id,
    model: plan.model,
    object: "chat.completion.chunk",
    system_fingerprint: plan.system_fingerprint,
  };
}

function choicePayloads(plan: ChatPlan, choice: PlannedChoice, index: number): unknown[] {
  const delta = (d: Record<string, unknown>, filter: unknown = {}, logprobs: unknown = null) => ({
    content_filter_results: filter,
    delta: d,
    finish_reason: null,
    index,
    logprobs,
  });
  const out: unknown[] = [];
  const role: Record<string, unknown> = {
    content: choice.tool_calls ? null : "",
    refusal: null,
    role: "assistant",
  };
  if (choice.context) role.context = choice.context;
  out.push(delta(role));
  for (const [k, call] of (choice.tool_calls ?? []).entries()) {
    out.push(
      delta({
        tool_calls: [
          { index: k, id: call.id, type: "function", function: { name: call.function.name, arguments: "" } },
        ],
      }),
    );
    for (const fragment of fixedPieces(call.function.arguments, ARGUMENT_FRAGMENT)) {
      out.push(delta({ tool_calls: [{ index: k, function: { arguments: fragment } }] }));
    }
  }
  const content = choice.content ?? "";
  const pieces = wordPieces(content);
  const logprobs = plan.logprobs ? tokenLogprobs(content, plan.top_logprobs) : [];
  pieces.forEach((piece, i) => {
    const lp = plan.logprobs ? { content: logprobs[i] ? [logprobs[i]] : [], refusal: null } : null;
    out.push(delta({ content: piece }, safeDeltaResults(), lp));
  });
  for (const piece of wordPieces(choice.refusal ?? ""))
    out.push(delta({ refusal: piece }, safeDeltaResults()));
  const finishFilter = choice.finish_reason === "content_filter" ? choice.content_filter_results : {};
  out.push({
    content_filter_results: finishFilter,
    delta: {},
    finish_reason: choice.finish_reason,
    index,
    logprobs: null,
  });
  return out;
}

/** `count` content chunks of choice 0 (see long-stream.ts). */
function longStream(plan: ChatPlan, count: number): SseFrames {
  const template = dataFrame(
    chunk(plan, [
      {
        content_filter_results: safeDeltaResults(),
        delta: { content: WORD_SLOT },
        finish_reason: null,
        index: 0,
        logprobs: null,
      },
    ]),
  );
  const head = [
    promptFilterFrame(plan),
    dataFrame(
      chunk(plan, [
        {
          content_filter_results: {},
          delta: { content: "", refusal: null, role: "assistant" },
          finish_reason: null,
          index: 0,
          logprobs: null,
        },
      ]),
    ),
  ];
  const finishReason = plan.choices[0]?.finish_reason ?? "stop";
  const tail = [
    dataFrame(
      chunk(plan, [
        { content_filter_results: {}, delta: {}, finish_reason: finishReason, index: 0, logprobs: null },
      ]),
    ),
  ];
  if (plan.include_usage) tail.push(dataFrame({ ...chunk(plan, []), usage: plan.usage }));
  return wordFrames(template, head, count, tail);
}
