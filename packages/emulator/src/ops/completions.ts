import type { Reply } from "../reply.js";
import { legacyLogprobs } from "./completions-logprobs.js";
import { type CompletionPlan, planCompletion } from "./completions-plan.js";
import { completionStream } from "./completions-stream.js";
import type { OpRequest } from "./types.js";

/** Legacy `completions`: JSON or SSE, in Azure's shapes. */
export function completions(req: OpRequest): Reply {
  const plan = planCompletion(req);
  if (req.body.stream === true) return { kind: "sse", frames: completionStream(plan, req.streamChunks) };
  return { kind: "json", status: 200, body: completionBody(plan) };
}

function completionBody(plan: CompletionPlan) {
  return {
    ...plan.head,
    choices: plan.choices.map((c) => ({
      text: c.text,
      index: c.index,
      finish_reason: c.finish_reason,
      logprobs: plan.logprobs === undefined ? null : legacyLogprobs(c.text, plan.logprobs),
      content_filter_results: c.content_filter_results,
    })),
    usage: plan.usage,
    prompt_filter_results: plan.prompt_filter_results,
  };
}
