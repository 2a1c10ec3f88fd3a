import {
  type ChoiceFilterResults,
  filteredChoiceResults,
  type PromptFilterResult,
  safeChoiceResults,
  safePromptResults,
} from "../content-filter.js";
import { createdFrom, idFrom, sha256Hex } from "../hash.js";
import { sampleFromSchema } from "../json-schema-sample.js";
import type { ScriptedReply } from "../scripted-reply.js";
import { clip, contentText, countTokens, limitTokens } from "../text.js";
import type { ChatMessage } from "./chat-validate.js";
import type { OpRequest } from "./types.js";

/** A tool call on the wire. */
interface ToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

/** On Your Data context on the assistant message. */
interface MessageContext {
  citations: { content: string; title: string; url: string; filepath: string; chunk_id: string }[];
  intent: string;
}

/** One choice, decided before it is rendered as JSON or as a stream. */
export interface PlannedChoice {
  content: string | null;
  refusal: string | null;
  tool_calls: ToolCall[] | undefined;
  finish_reason: string;
  content_filter_results: ChoiceFilterResults;
  context: MessageContext | undefined;
}

/** The full answer to a chat request. */
export interface ChatPlan {
  id: string;
  created: number;
  model: string;
  system_fingerprint: string;
  prompt_filter_results: PromptFilterResult[];
  choices: PlannedChoice[];
  usage: Record<string, unknown>;
  logprobs: boolean;
  top_logprobs: number;
  include_usage: boolean;
  /** Stream as the Asynchronous Filter does (chat-stream.ts). */
  async_filter: boolean;
}

/** Decides what the assistant says, deterministically, from the request and any script. */
export function planChat(req: OpRequest, messages: ChatMessage[]): ChatPlan {
  const body = req.body;
  const script = req.script;
  const n = typeof body.n === "number" ? body.n : 1;
  const maxTokens = (body.max_completion_tokens ?? body.max_tokens) as number | undefined;
  const base = script ? fromScript(script, req) : defaultChoice(req, messages, maxTokens);
  const choices = Array.from({ length: n }, () => ({ ...base }));
  const promptTokens = messages.reduce((sum, m) => sum + 4 + countTokens(contentText(m.content)), 3);
  const completionTokens = choices.reduce(
    (sum, c) =>
      sum +
      countTokens(c.content ?? c.refusal ?? "") +
      (c.tool_calls ?? []).reduce((s, t) => s + countTokens(t.function.arguments) + 3, 0),
    0,
  );
  const usage = {
    completion_tokens: completionTokens,
    completion_tokens_details: {
      accepted_prediction_tokens: 0,
      audio_tokens: 0,
      reasoning_tokens: 0,
      rejected_prediction_tokens: 0,
    },
    prompt_tokens: promptTokens,
    prompt_tokens_details: { audio_tokens: 0, cached_tokens: 0 },
    total_tokens: promptTokens + completionTokens,
    ...script?.usage,
  };
  if (script?.usage && script.usage.total_tokens === undefined)
    usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
  const streamOptions = body.stream_options as { include_usage?: unknown } | undefined;
  return {
    id: `chatcmpl-${idFrom(req.seed)}`,
    created: createdFrom(req.seed),
    model: req.model,
    system_fingerprint: `fp_${sha256Hex(req.model).slice(0, 10)}`,
    prompt_filter_results: script?.prompt_filter_results ?? safePromptResults(),
    choices,
    usage,
    logprobs: body.logprobs === true,
    top_logprobs: typeof body.top_logprobs === "number" ? body.top_logprobs : 0,
    include_usage: streamOptions?.include_usage === true,
    async_filter: script?.content_filter_mode === "asynchronous",
  };
}

function fromScript(script: ScriptedReply, req: OpRequest): PlannedChoice {
  const tool_calls = script.tool_calls?.map((call, i) => ({
    id: call.id ?? `call_${idFrom(`${req.seed}:${i}`, 24)}`,
    type: "function" as const,
    function: {
      name: call.function.name,
      arguments:
        typeof call.function.arguments === "string"
          ? call.function.arguments
          : JSON.stringify(call.function.arguments),
    },
  }));
  const finish_reason = script.finish_reason ?? (tool_calls?.length ? "tool_calls" : "stop");
  const content =
    script.content !== undefined
      ? script.content
      : script.stream_chunks !== undefined
        ? longText(script.stream_chunks)
        : tool_calls?.length || script.refusal
          ? null
          : "";
  return {
    content,
    refusal: script.refusal ?? null,
    tool_calls: tool_calls?.length ? tool_calls : undefined,
    finish_reason,
    content_filter_results:
      script.content_filter_results ??
      (finish_reason === "content_filter" ? filteredChoiceResults() : safeChoiceResults()),
    context: undefined,
  };
}

function defaultChoice(
  req: OpRequest,
  messages: ChatMessage[],
  maxTokens: number | undefined,
): PlannedChoice {
  const body = req.body;
  const last = messages[messages.length - 1]!;
  const lastUser = [...messages].reverse().find((m) => m.role === "user");
  const question = clip(contentText(lastUser?.content), 120);
  const choice: PlannedChoice = {
    content: null,
    refusal: null,
    tool_calls: undefined,
    finish_reason: "stop",
    content_filter_results: safeChoiceResults(),
    context: undefined,
  };
  const tool = pickTool(body, last);
  if (tool) {
    const args = JSON.stringify(sampleFromSchema(tool.parameters ?? { type: "object", properties: {} }));
    choice.tool_calls = [
      {
        id: `call_${idFrom(req.seed, 24)}`,
        type: "function",
        function: { name: tool.name, arguments: args },
      },
    ];
    choice.finish_reason = "tool_calls";
    return choice;
  }
  let text =
    req.streamChunks !== undefined ? longText(req.streamChunks) : replyText(question, messages, last);
  if (Array.isArray(body.data_sources) && body.data_sources.length > 0) {
    choice.context = citations(question);
    text += " [doc1]";
  }
  const format =
    (body.response_format as { type?: string; json_schema?: { schema?: unknown } } | undefined) ?? undefined;
  if (format?.type === "json_object") text = JSON.stringify({ answer: text });
  if (format?.type === "json_schema")
    text = JSON.stringify(sampleFromSchema(format.json_schema?.schema ?? {}));
  const limited = req.streamChunks === undefined ? limitTokens(text, maxTokens) : { text, truncated: false };
  choice.content = limited.text;
  if (limited.truncated) choice.finish_reason = "length";
  return choice;
}

function replyText(question: string, messages: ChatMessage[], last: ChatMessage): string {
  if (last.role === "tool") {
    const results: string[] = [];
    for (let i = messages.length - 1; i >= 0 && messages[i]!.role === "tool"; i--) {
      results.unshift(clip(contentText(messages[i]!.content), 200));
    }
    return `Based on the tool results (${results.join("; ")}), here is the answer to "${question}".`;
  }
  if (!question) return "Hello! This is a deterministic reply from the Azure OpenAI emulator.";
  return `You said: "${question}". This is a deterministic reply from the Azure OpenAI emulator.`;
}

interface FunctionTool {
  name: string;
  parameters?: unknown;
}

function pickTool(body: Record<string, unknown>, last: ChatMessage): FunctionTool | undefined {
  const tools = Array.isArray(body.tools) ? (body.tools as { function: FunctionTool }[]) : [];
  if (tools.length === 0 || last.role !== "user") return undefined;
  const choice = body.tool_choice;
  if (choice === "none") return undefined;
  const named = (choice as { function?: { name?: unknown } } | undefined)?.function?.name;
  if (typeof named === "string")
    return tools.find((t) => t.function.name === named)?.function ?? tools[0]!.function;
  return tools[0]!.function;
}

function citations(question: string): MessageContext {
  const topic = question || "your question";
  return {
    citations: [
      {
        content: `Emulated passage relevant to "${topic}". It stands in for a retrieved search document.`,
        title: "Emulated document 1",
        url: "https://example.com/docs/doc1.md",
        filepath: "doc1.md",
        chunk_id: "0",
      },
    ],
    intent: JSON.stringify([topic]),
  };
}

const LOREM =
  "The emulator streams realistic chunks so clients can be measured without a network or a model behind them and each delta carries filter results".split(
    " ",
  );

/** `count` words of filler, one per stream chunk. */
export function longText(count: number): string {
  let out = "";
  for (let i = 0; i < count; i++) out += (i === 0 ? "" : " ") + LOREM[i % LOREM.length];
  return out;
}

export { LOREM as LONG_STREAM_WORDS };
