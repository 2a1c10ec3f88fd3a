import { invalidRequest } from "../errors.js";

/** One hosted tool's call. */
export type HostedTool = "code_interpreter" | "file_search" | "web_search" | "image_generation" | "mcp";

// Hosted tools whose call items a scripted response can carry.
const HOSTED_TOOLS: readonly HostedTool[] = [
  "code_interpreter",
  "file_search",
  "web_search",
  "image_generation",
  "mcp",
];

/**
 * A Responses API reply chosen by the test, sent as JSON in `x-aoai-emulator-reply` on a
 * `responses` request. Output items come in this order: reasoning, hosted tool calls, function
 * calls, then the message (text or refusal). Every field is optional; without any, the emulator
 * answers as it does unscripted.
 */
export interface ScriptedResponse {
  /** The assistant message's text. */
  text?: string;
  /** A refusal instead of text. */
  refusal?: string;
  /** Function calls; `arguments` may be an object, sent as its JSON. */
  function_calls?: { name: string; arguments?: string | Record<string, unknown>; call_id?: string }[];
  /** A reasoning item: its summary texts (sent when the request asks for a summary). */
  reasoning?: { summary?: string[] };
  /** Hosted tool call items, one per entry. */
  hosted_tools?: HostedTool[];
  /** `"incomplete"` ends with `response.incomplete` (max_output_tokens); `"failed"` with `response.failed`. */
  status?: "completed" | "incomplete" | "failed";
  /** Stream this many text deltas (a long stream). */
  stream_events?: number;
}

/** Checks an untrusted scripted response. */
export function parseScriptedResponse(raw: string): ScriptedResponse {
  const bad = (why: string) =>
    invalidRequest(`Invalid emulator reply: ${why}`, "x-aoai-emulator-reply", "InvalidEmulatorReply");
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw bad("the header is not JSON");
  }
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw bad("expected a JSON object");
  const r = value as Record<string, unknown>;
  for (const key of ["text", "refusal"])
    if (r[key] !== undefined && typeof r[key] !== "string") throw bad(`${key} must be a string`);
  if (r.function_calls !== undefined) {
    if (!Array.isArray(r.function_calls)) throw bad("function_calls must be an array");
    for (const call of r.function_calls)
      if (typeof (call as { name?: unknown } | null)?.name !== "string")
        throw bad("each function call needs a name");
  }
  if (r.hosted_tools !== undefined) {
    if (!Array.isArray(r.hosted_tools) || r.hosted_tools.some((t) => !HOSTED_TOOLS.includes(t as HostedTool)))
      throw bad(`hosted_tools must list some of ${HOSTED_TOOLS.join(", ")}`);
  }
  if (r.status !== undefined && !["completed", "incomplete", "failed"].includes(r.status as string))
    throw bad('status must be "completed", "incomplete" or "failed"');
  const n = r.stream_events;
  if (n !== undefined && (typeof n !== "number" || !Number.isInteger(n) || n < 0 || n > 10_000_000))
    throw bad("stream_events must be an integer between 0 and 10000000");
  return r as ScriptedResponse;
}
