import { badRequest } from "../errors.js";

interface Message {
  role?: unknown;
  content?: unknown;
  tool_calls?: { id?: unknown }[];
  tool_call_id?: unknown;
}

/**
 * Rules between the parts of a chat request that no schema can say, as the service enforces
 * them: tool messages answer the tool calls just before them and every call is answered,
 * `tool_choice` names a defined function, `json_object` needs the word "json" in the messages,
 * `top_logprobs` needs `logprobs`, `stream_options` needs `stream`.
 */
export function checkConversation(operation: string, body: Record<string, unknown>): void {
  if (present(body.stream_options) && body.stream !== true)
    throw badRequest(
      "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
      "stream_options",
      null,
    );
  if (operation !== "chat/completions") return;
  if (present(body.top_logprobs) && body.logprobs !== true)
    throw badRequest(
      "The 'top_logprobs' parameter is only allowed when 'logprobs' is enabled.",
      "top_logprobs",
      null,
    );
  if (Array.isArray(body.messages)) checkToolMessages(body.messages as Message[]);
  checkToolChoice(body);
  const format = body.response_format as { type?: unknown } | null | undefined;
  if (format?.type === "json_object" && Array.isArray(body.messages) && !mentionsJson(body.messages))
    throw badRequest(
      "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
      "messages",
      null,
    );
}

function checkToolMessages(messages: Message[]): void {
  let pending: string[] = [];
  let open = -1;
  messages.forEach((m, i) => {
    if (m?.role === "tool") {
      if (open < 0)
        throw badRequest(
          "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
          `messages.[${i}].role`,
          null,
        );
      pending = pending.filter((id) => id !== m.tool_call_id);
      return;
    }
    unanswered(pending, open);
    const calls = m?.role === "assistant" && Array.isArray(m.tool_calls) ? m.tool_calls : [];
    open = calls.length > 0 ? i : -1;
    pending = calls.map((c) => String(c?.id));
  });
  unanswered(pending, open);
}

function unanswered(pending: string[], at: number): void {
  if (pending.length > 0)
    throw badRequest(
      `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${pending.join(", ")}`,
      `messages.[${at}].role`,
      null,
    );
}

function checkToolChoice(body: Record<string, unknown>): void {
  const choice = body.tool_choice;
  if (!present(choice)) return;
  const tools = Array.isArray(body.tools) ? (body.tools as { function?: { name?: unknown } }[]) : [];
  if (tools.length === 0)
    throw badRequest(
      "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.",
      "tool_choice",
      null,
    );
  const name = (choice as { function?: { name?: unknown } }).function?.name;
  if (typeof name === "string" && !tools.some((t) => t?.function?.name === name))
    throw badRequest(
      `Invalid value for 'tool_choice': function '${name}' is not one of the functions in 'tools'.`,
      "tool_choice",
      null,
    );
}

/** True when some message's text (a string, or the text of its parts) says "json", in any case. */
function mentionsJson(messages: unknown[]): boolean {
  return messages.some((m) => {
    const content = (m as Message | null)?.content;
    const texts =
      typeof content === "string"
        ? [content]
        : Array.isArray(content)
          ? content.map((p) => (p as { text?: unknown })?.text).filter((t) => typeof t === "string")
          : [];
    return texts.some((t) => /json/i.test(t as string));
  });
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}
