import type { AzureOpenAIClient } from "@aoai/core";
import { checkFields, checkGate, invalid } from "@aoai/core/internal";
import { checkConversation } from "./check-conversation.js";
import { chat } from "./feature.js";
import type { ChatCompletionCreateRequest } from "./request-types.js";

const ROLES = ["system", "developer", "user", "assistant", "tool", "function"];

type Loose = Record<string, unknown> | null | undefined;

/**
 * Checks a request before anything is sent:
 * - obviously bad input throws `InvalidInputError` naming the parameter (e.g. `messages[2].role`);
 *   only what is surely wrong is refused, the service judges the rest, and unknown fields pass;
 * - a field or feature the client's API version lacks throws `UnsupportedApiVersionError`
 *   (see `versions`); a field set to `null` counts as unset.
 */
export function checkRequest(
  client: AzureOpenAIClient,
  request: ChatCompletionCreateRequest,
  streaming: boolean,
): void {
  const body = request as unknown as Loose;
  const messages = body?.messages;
  if (!Array.isArray(messages) || messages.length === 0) invalid("messages", "must be a non-empty array.");
  if (body!.stream === !streaming)
    invalid("stream", streaming ? "false: use complete()." : "true: use stream().");
  // Plain loops, and names like `messages[2]` only built for an error: this runs on every call.
  for (let i = 0; i < (messages as Loose[]).length; i++) {
    const message = (messages as Loose[])[i];
    const role = message?.role as string;
    if (!ROLES.includes(role)) invalid(`messages[${i}].role`, `must be one of ${ROLES}, not ${role}.`);
    if (role === "developer") check(client, "developer");
    const content = message!.content;
    if (role === "tool" && typeof message!.tool_call_id !== "string")
      invalid(`messages[${i}].tool_call_id`, "is required.");
    if (
      role === "assistant"
        ? content == null && !message!.tool_calls && !message!.function_call && message!.refusal == null
        : role !== "function" && typeof content !== "string" && !Array.isArray(content)
    ) {
      invalid(`messages[${i}].content`, "must be a string or content parts.");
    }
    if (Array.isArray(content)) {
      if (content.length === 0) invalid(`messages[${i}].content`, "must not be empty.");
      content.forEach((part: Loose, j) => {
        if (typeof part?.type !== "string") invalid(`messages[${i}].content[${j}].type`, "is required.");
        else if (part.type === "input_audio") check(client, "input_audio");
      });
    }
  }
  checkConversation(body!, messages as Loose[], streaming);
  checkFields(chat, client, body!);
  if ((body!.response_format as Loose)?.type === "json_schema") check(client, "json_schema");
  const sources = body!.data_sources;
  if (sources != null && !Array.isArray(sources)) invalid("data_sources", "must be an array.");
  for (const source of (sources as Loose[] | undefined) ?? []) check(client, source?.type as string);
}

const check = (client: AzureOpenAIClient, name: string) => checkGate(chat, client, name);
