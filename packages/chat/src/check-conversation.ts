import { invalid } from "@aoai/core/internal";

type Loose = Record<string, unknown> | null | undefined;

/**
 * What Azure answers with a 400 about how a request's parts fit together, said before the round
 * trip: a tool message that answers no tool call before it, `json_object` with no "json" in the
 * messages (Azure's own rule), `top_logprobs` without `logprobs`, `stream_options` outside
 * `stream()`. The rest (a `tool_choice` naming no tool…) is left to the service: each check is
 * paid in every browser bundle that chats.
 */
export function checkConversation(body: NonNullable<Loose>, messages: Loose[], streaming: boolean): void {
  if (!streaming && body.stream_options != null) invalid("stream_options", "only goes with stream().");
  if (body.top_logprobs != null && body.logprobs !== true) invalid("top_logprobs", "needs logprobs: true.");
  let open = false;
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!;
    if (m.role === "tool") {
      if (!open) invalid(`messages[${i}]`, "is a tool message with no assistant tool_calls before it.");
    } else open = m.role === "assistant" && Array.isArray(m.tool_calls) && m.tool_calls.length > 0;
  }
  if ((body.response_format as Loose)?.type === "json_object" && !messages.some(mentionsJson))
    invalid("response_format", 'json_object needs the word "json" in the messages.');
}

/** The message's text, or the text of one of its parts, says "json" (in any case). */
function mentionsJson(message: Loose): boolean {
  const content = message?.content;
  return Array.isArray(content)
    ? content.some((part: Loose) => typeof part?.text === "string" && /json/i.test(part.text))
    : typeof content === "string" && /json/i.test(content);
}
