import { safeDeltaResults } from "../content-filter.js";
import { tokenLogprobs } from "../logprobs.js";
import { DONE_FRAME, dataFrame, type SseFrames } from "../reply.js";
import { fixedPieces, wordPieces } from "../text.js";
import type { ChatPlan, PlannedChoice } from "./chat-plan.js";
import { WORD_SLOT, wordFrames } from "./long-stream.js";

// Tool call arguments arrive in fragments of about this many characters, as OpenAI sends them.
const ARGUMENT_FRAGMENT = 12;
// The Asynchronous Filter reports on the text in batches; here one batch per this many deltas.
const ANNOTATED_DELTAS = 4;

/** One choice's part of a chunk. */
interface ChoicePayload {
  content_filter_results: unknown;
  delta: Record<string, unknown>;
  finish_reason: string | null;
  index: number;
  logprobs: unknown;
}

/**
 * The SSE frames of a streamed chat completion, in Azure's order: the prompt-filter chunk (empty
 * `choices`, blank id/model/object, created 0), a role delta, content deltas each annotated with
 * filter results, the finish chunk, the usage chunk when asked, then `[DONE]`. With the
 * Asynchronous Filter, annotation chunks trail the deltas they cover instead.
 */
export function chatStream(plan: ChatPlan, longChunks: number | undefined): SseFrames {
  if (longChunks !== undefined) return longStream(plan, longChunks);
  const frames: string[] = [promptFilterFrame(plan)];
  plan.choices.forEach((choice, index) => {
    const payloads = choicePayloads(plan, choice, index);
    if (plan.async_filter) frames.push(...asynchronousFrames(plan, choice, index, payloads));
    else for (const payload of payloads) frames.push(dataFrame(chunk(plan, [payload])));
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

function choicePayloads(plan: ChatPlan, choice: PlannedChoice, index: number): ChoicePayload[] {
  const delta = (
    d: Record<string, unknown>,
    filter: unknown = {},
    logprobs: unknown = null,
  ): ChoicePayload => ({
    content_filter_results: filter,
    delta: d,
    finish_reason: null,
    index,
    logprobs,
  });
  const out: ChoicePayload[] = [];
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

/**
 * A choice's chunks as a deployment with the Asynchronous Filter streams them: content deltas with
 * empty filter results, and after every few of them, and after the finish chunk, an annotation
 * chunk (blank id, model and object, no delta) with the results and the offsets of the content
 * characters it covers. `check_offset` is where the batch starts: all before it was checked.
 */
function asynchronousFrames(
  plan: ChatPlan,
  choice: PlannedChoice,
  index: number,
  payloads: ChoicePayload[],
): string[] {
  const frames: string[] = [];
  let checked = 0;
  let sent = 0;
  let pending = 0;
  const annotate = (results: unknown) => {
    const offsets = { check_offset: checked, start_offset: checked, end_offset: sent };
    const part = {
      content_filter_offsets: offsets,
      content_filter_results: results,
      finish_reason: null,
      index,
    };
    frames.push(dataFrame({ choices: [part], created: 0, id: "", model: "", object: "" }));
    checked = sent;
    pending = 0;
  };
  for (const payload of payloads) {
    const content = payload.delta.content;
    if (typeof content === "string" && content) {
      frames.push(dataFrame(chunk(plan, [{ ...payload, content_filter_results: {} }])));
      sent += content.length;
      if (++pending === ANNOTATED_DELTAS) annotate(safeDeltaResults());
    } else frames.push(dataFrame(chunk(plan, [payload])));
  }
  const cut = choice.finish_reason === "content_filter";
  if (sent > checked || cut) annotate(cut ? choice.content_filter_results : safeDeltaResults());
  return frames;
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
