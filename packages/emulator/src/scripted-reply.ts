import type { ChoiceFilterResults, PromptFilterResult } from "./content-filter.js";
import { invalidRequest } from "./errors.js";

/** A tool call a scripted reply makes; `arguments` may be an object, sent as its JSON. */
export interface ScriptedToolCall {
  /** @default derived from the request */
  id?: string;
  type?: "function";
  function: { name: string; arguments: string | Record<string, unknown> };
}

/** The token counts a scripted reply may override. */
export interface ScriptedUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
}

/**
 * A chat reply chosen by the test instead of the emulator's deterministic default. Queue it with
 * `emulator.script(reply)` (the next chat request takes it) or send it as JSON in
 * `x-aoai-emulator-reply`. Every field is optional; missing ones keep the default behaviour.
 */
export interface ScriptedReply {
  content?: string | null;
  tool_calls?: ScriptedToolCall[];
  /** @default "stop", or "tool_calls" when `tool_calls` is given */
  finish_reason?: "stop" | "length" | "tool_calls" | "content_filter" | "function_call";
  refusal?: string | null;
  usage?: ScriptedUsage;
  prompt_filter_results?: PromptFilterResult[];
  /** @default safe results, or violence filtered when `finish_reason` is "content_filter" */
  content_filter_results?: ChoiceFilterResults;
  /** Stream this many content chunks (a "long stream" for benchmarks). */
  stream_chunks?: number;
  /**
   * `"asynchronous"` streams as a deployment with the Asynchronous Filter does: content deltas come
   * unannotated, and annotation chunks (blank `id`, no `delta`) trail them with the filter results
   * and `content_filter_offsets`. Not with `stream_chunks`.
   * @default "default"
   */
  content_filter_mode?: "default" | "asynchronous";
}

/** Validates an untrusted scripted reply (header JSON or a test's object). */
export function parseScriptedReply(value: unknown): ScriptedReply {
  const bad = (why: string) =>
    invalidRequest(`Invalid emulator reply: ${why}`, "x-aoai-emulator-reply", "InvalidEmulatorReply");
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw bad("expected a JSON object");
  const r = value as Record<string, unknown>;
  if (r.content !== undefined && r.content !== null && typeof r.content !== "string")
    throw bad("content must be a string");
  if (r.refusal !== undefined && r.refusal !== null && typeof r.refusal !== "string")
    throw bad("refusal must be a string");
  if (r.tool_calls !== undefined) {
    if (!Array.isArray(r.tool_calls)) throw bad("tool_calls must be an array");
    for (const call of r.tool_calls) {
      const name = (call as { function?: { name?: unknown } } | null)?.function?.name;
      if (typeof name !== "string") throw bad("each tool call needs function.name");
    }
  }
  const chunks = r.stream_chunks;
  if (
    chunks !== undefined &&
    (typeof chunks !== "number" || !Number.isInteger(chunks) || chunks < 0 || chunks > 10_000_000)
  ) {
    throw bad("stream_chunks must be an integer between 0 and 10000000");
  }
  const mode = r.content_filter_mode;
  if (mode !== undefined && mode !== "default" && mode !== "asynchronous")
    throw bad('content_filter_mode must be "default" or "asynchronous"');
  if (mode === "asynchronous" && chunks !== undefined)
    throw bad("content_filter_mode asynchronous does not go with stream_chunks");
  return r as ScriptedReply;
}

/** Parses the `x-aoai-emulator-reply` header value. */
export function parseScriptedReplyHeader(raw: string): ScriptedReply {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw invalidRequest(
      "Invalid emulator reply: the header is not JSON",
      "x-aoai-emulator-reply",
      "InvalidEmulatorReply",
    );
  }
  return parseScriptedReply(value);
}
