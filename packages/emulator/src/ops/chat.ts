import { tokenLogprobs } from "../logprobs.js";
import type { Reply } from "../reply.js";
import type { ChatPlan, PlannedChoice } from "./chat-plan.js";
import { planChat } from "./chat-plan.js";
import { chatStream } from "./chat-stream.js";
import { validateChat } from "./chat-validate.js";
import type { OpRequest } from "./types.js";

/** `chat/completions`: JSON or SSE, in Azure's shapes. */
export function chatCompletions(req: OpRequest): Reply {
  const messages = validateChat(req.body);
  const plan = planChat(req, messages);
  if (req.body.stream === true) return { kind: "sse", frames: chatStream(plan, req.streamChunks) };
  return { kind: "json", status: 200, body: chatBody(plan) };
}

function chatBody(plan: ChatPlan) {
  return {
    choices: plan.choices.map((choice, index) => ({
      content_filter_results: choice.content_filter_results,
      finish_reason: choice.finish_reason,
      index,
      logprobs: plan.logprobs
        ? { content: tokenLogprobs(choice.content ?? "", plan.top_logprobs), refusal: null }
        : null,
      message: message(choice),
    })),
    created: plan.created,
    id: plan.id,
    model: plan.model,
    object: "chat.completion",
    prompt_filter_results: plan.prompt_filter_results,
    system_fingerprint: plan.system_fingerprint,
    usage: plan.usage,
  };
}

function message(choice: PlannedChoice) {
  return {
    annotations: [],
    content: choice.content,
    refusal: choice.refusal,
    role: "assistant",
    ...(choice.tool_calls && { tool_calls: choice.tool_calls }),
    ...(choice.context && { context: choice.context }),
  };
}
