import { invalidRequest } from "../errors.js";
import { sha256Hex } from "../hash.js";
import { sampleFromSchema } from "../json-schema-sample.js";
import { encodePng } from "../png.js";
import type { ChunkHit } from "../resources/vector-store-search.js";
import { clip, countTokens, limitTokens } from "../text.js";
import { longText } from "./chat-plan.js";
import { citedAnswer } from "./responses-citations.js";
import type { FileSearcher } from "./responses-file-search.js";
import type { HostedTool, ScriptedResponse } from "./responses-script.js";

/** An item on the wire (input or output), loosely typed: the emulator reads a few fields. */
export type Item = Record<string, unknown> & { type: string; id?: string };

/** What a plan needs from the emulator around it. */
export interface PlanContext {
  body: Record<string, unknown>;
  /** The model name reported. */
  model: string;
  deployment: string;
  script: ScriptedResponse | undefined;
  /** A new id with the prefix, unique in this emulator. */
  newId: (prefix: string) => string;
  /** The conversation before this request (from `previous_response_id`), oldest first. */
  history: Item[];
  /** Seconds since the epoch. */
  now: number;
  /** Searches the request's `file_search` stores; without it a file_search call finds nothing. */
  searchFiles?: FileSearcher | undefined;
}

/** A response decided before it is sent as JSON or as events. */
export interface PlannedResponse {
  response: Record<string, unknown> & { id: string; output: Item[]; status: string };
  /** The request's input as items with ids (what `input_items` lists). */
  input: Item[];
}

// Reasoning models: the o-series and gpt-5 deployments think before answering.
const REASONING_MODEL = /^(o\d|gpt-5)/;

/** Normalizes `input` into items with ids, as the service stores them. */
export function inputItems(input: unknown, newId: (prefix: string) => string): Item[] {
  if (typeof input === "string")
    return [
      {
        type: "message",
        id: newId("msg"),
        status: "completed",
        role: "user",
        content: [{ type: "input_text", text: input }],
      },
    ];
  if (!Array.isArray(input)) throw invalidRequest("'input' must be a string or an array.", "input", null);
  return input.map((raw, i) => {
    if (raw === null || typeof raw !== "object")
      throw invalidRequest(`Invalid value for 'input[${i}]'.`, `input[${i}]`, "invalid_type");
    const item = raw as Record<string, unknown>;
    const type = typeof item.type === "string" ? item.type : "message";
    if (type !== "message")
      return { ...item, type, id: (item.id as string | undefined) ?? newId(prefixOf(type)) };
    const content =
      typeof item.content === "string"
        ? [{ type: item.role === "assistant" ? "output_text" : "input_text", text: item.content }]
        : item.content;
    return {
      ...item,
      type,
      id: (item.id as string | undefined) ?? newId("msg"),
      status: "completed",
      content,
    };
  });
}

function prefixOf(type: string): string {
  const prefixes: Record<string, string> = {
    function_call: "fc",
    function_call_output: "fco",
    reasoning: "rs",
    mcp_approval_response: "mcpa",
  };
  return prefixes[type] ?? "item";
}

/** Decides what the model answers, deterministically, from the request, the history and any script. */
export function planResponse(ctx: PlanContext): PlannedResponse {
  const { body, script, newId } = ctx;
  const input = inputItems(body.input ?? [], newId);
  const conversation = [...ctx.history, ...input];
  const last = input.at(-1);
  const tools = Array.isArray(body.tools) ? (body.tools as Record<string, unknown>[]) : [];
  const include = Array.isArray(body.include) ? (body.include as string[]) : [];
  const asked = lastUserText(conversation);
  const question = clip(asked, 120);
  const output: Item[] = [];
  const reasoning = body.reasoning as { effort?: string; summary?: string } | undefined;
  if (script?.reasoning || REASONING_MODEL.test(ctx.deployment))
    output.push(reasoningItem(newId("rs"), question, script, reasoning, include));

  const toolsOff = body.tool_choice === "none";
  const userTurn = last?.type === "message" && last.role === "user";
  const hosted: HostedTool[] =
    script?.hosted_tools ?? (toolsOff || !userTurn ? [] : tools.flatMap((t) => hostedKind(t.type)));
  let awaitingApproval = false;
  // What file_search found: the answer quotes and cites it.
  const found: ChunkHit[] = [];
  for (const kind of hosted) {
    const items = hostedItems(kind, ctx, { question, asked, found }, tools, include);
    output.push(...items);
    if (items.some((i) => i.type === "mcp_approval_request")) awaitingApproval = true;
  }
  if (last?.type === "mcp_approval_response" && last.approve === true) {
    const request = conversation.find((i) => i.id === last.approval_request_id);
    output.push(
      mcpCall(
        newId("mcp"),
        (request?.server_label as string) ?? "mcp",
        (request?.name as string) ?? "search",
      ),
    );
  }

  const calls = script?.function_calls ?? (toolsOff || !userTurn ? [] : defaultCall(tools, body));
  for (const [i, call] of calls.entries()) {
    const args =
      call.arguments === undefined
        ? "{}"
        : typeof call.arguments === "string"
          ? call.arguments
          : JSON.stringify(call.arguments);
    output.push({
      type: "function_call",
      id: newId("fc"),
      call_id: call.call_id ?? `call_${sha256Hex(`${newId("c")}:${i}`).slice(0, 24)}`,
      name: call.name,
      arguments: args,
      status: "completed",
    });
  }

  let status = script?.status ?? "completed";
  let incomplete: Record<string, unknown> | null = null;
  if (calls.length === 0 && !awaitingApproval) {
    const refusal = script?.refusal;
    const cited =
      ctx.searchFiles && hosted.includes("file_search") ? citedAnswer(question, found) : undefined;
    let text =
      script?.text ??
      (script?.stream_events !== undefined
        ? longText(script.stream_events)
        : (cited?.text ?? replyText(question, conversation, last)));
    const format = (body.text as { format?: { type?: string; schema?: unknown } } | undefined)?.format;
    if (script?.text === undefined && format?.type === "json_schema")
      text = JSON.stringify(sampleFromSchema(format.schema ?? {}));
    if (script?.text === undefined && format?.type === "json_object") text = JSON.stringify({ answer: text });
    const max = typeof body.max_output_tokens === "number" ? body.max_output_tokens : undefined;
    const limited = script?.stream_events === undefined ? limitTokens(text, max) : { text, truncated: false };
    if (limited.truncated) {
      status = "incomplete";
      incomplete = { reason: "max_output_tokens" };
    }
    // Citations back the emulator's own answer, as far as it was not cut short.
    const annotations =
      cited && text === cited.text ? cited.annotations.filter((a) => a.index <= limited.text.length) : [];
    const part =
      refusal !== undefined
        ? { type: "refusal", refusal }
        : { type: "output_text", text: limited.text, annotations };
    output.push({
      type: "message",
      id: newId("msg"),
      status: status === "incomplete" ? "incomplete" : "completed",
      role: "assistant",
      content: [part],
    });
  }
  if (status === "incomplete" && !incomplete) incomplete = { reason: "max_output_tokens" };

  const inputTokens = conversation.reduce(
    (sum, item) => sum + 4 + countTokens(JSON.stringify(item.content ?? item.output ?? "")),
    3,
  );
  const reasoningTokens = output.some((i) => i.type === "reasoning") ? 64 : 0;
  const outputTokens =
    output.reduce((sum, item) => sum + countTokens(JSON.stringify(item.content ?? item.arguments ?? "")), 0) +
    reasoningTokens;
  const response = {
    id: newId("resp"),
    object: "response",
    created_at: ctx.now,
    status,
    background: body.background === true,
    error:
      status === "failed"
        ? { code: "server_error", message: "The model failed to generate a response." }
        : null,
    incomplete_details: incomplete,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    model: ctx.model,
    output,
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    previous_response_id: body.previous_response_id ?? null,
    reasoning: { effort: reasoning?.effort ?? null, summary: reasoning?.summary ?? null },
    service_tier: body.service_tier ?? "default",
    store: body.store !== false,
    temperature: body.temperature ?? 1,
    text: body.text ?? { format: { type: "text" } },
    tool_choice: body.tool_choice ?? "auto",
    tools,
    top_p: body.top_p ?? 1,
    truncation: body.truncation ?? "disabled",
    usage: {
      input_tokens: inputTokens,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: outputTokens,
      output_tokens_details: { reasoning_tokens: reasoningTokens },
      total_tokens: inputTokens + outputTokens,
    },
    metadata: body.metadata ?? {},
    // Left out when unset: the 2025-04-01-preview spec types it as a string, not nullable.
    ...(typeof body.user === "string" && { user: body.user }),
  };
  return { response, input };
}

function lastUserText(items: Item[]): string {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    if (item.type === "message" && item.role === "user") return itemText(item.content);
  }
  return "";
}

function itemText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part) =>
      typeof (part as { text?: unknown }).text === "string" ? (part as { text: string }).text : "",
    )
    .filter(Boolean)
    .join(" ");
}

function replyText(question: string, conversation: Item[], last: Item | undefined): string {
  if (last?.type === "function_call_output") {
    const results: string[] = [];
    for (let i = conversation.length - 1; i >= 0 && conversation[i]!.type === "function_call_output"; i--)
      results.unshift(clip(String(conversation[i]!.output), 200));
    return `Based on the tool results (${results.join("; ")}), here is the answer to "${question}".`;
  }
  if (!question) return "Hello! This is a deterministic reply from the Azure OpenAI emulator.";
  const turns = conversation.filter((i) => i.type === "message" && i.role === "user").length;
  const memory = turns > 1 ? ` (turn ${turns} of this conversation)` : "";
  return `You said: "${question}"${memory}. This is a deterministic reply from the Azure OpenAI emulator.`;
}

function reasoningItem(
  id: string,
  question: string,
  script: ScriptedResponse | undefined,
  reasoning: { summary?: string } | undefined,
  include: string[],
): Item {
  const texts = script?.reasoning?.summary ?? [
    `**Thinking it over**\n\nThe user asked: "${question || "nothing yet"}".`,
  ];
  const item: Item = {
    type: "reasoning",
    id,
    summary: reasoning?.summary ? texts.map((text) => ({ type: "summary_text", text })) : [],
  };
  if (include.includes("reasoning.encrypted_content"))
    item.encrypted_content = `gAAAAA${Buffer.from(`emulator-reasoning:${id}`).toString("base64")}`;
  return item;
}

function hostedKind(type: unknown): HostedTool[] {
  if (type === "web_search_preview" || type === "web_search") return ["web_search"];
  return type === "code_interpreter" ||
    type === "file_search" ||
    type === "image_generation" ||
    type === "mcp"
    ? [type]
    : [];
}

/** The user's turn as hosted tools see it: the question clipped and whole, and file_search's hits. */
interface Turn {
  question: string;
  asked: string;
  found: ChunkHit[];
}

function hostedItems(
  kind: HostedTool,
  ctx: PlanContext,
  turn: Turn,
  tools: Record<string, unknown>[],
  include: string[],
): Item[] {
  const { newId } = ctx;
  const { question } = turn;
  const tool = tools.find((t) => hostedKind(t.type)[0] === kind) ?? {};
  switch (kind) {
    case "code_interpreter":
      return [
        {
          type: "code_interpreter_call",
          id: newId("ci"),
          status: "completed",
          code: "print(2 + 2)",
          container_id: newId("cntr"),
          outputs: include.includes("code_interpreter_call.outputs") ? [{ type: "logs", logs: "4\n" }] : null,
        },
      ];
    case "file_search": {
      // The emulated model searches with the user's words as they are.
      const queries = [clip(turn.asked, 1000) || "search"];
      const hits = ctx.searchFiles?.(queries) ?? [];
      turn.found.push(...hits);
      return [
        {
          type: "file_search_call",
          id: newId("fs"),
          status: "completed",
          queries,
          results: include.includes("file_search_call.results") ? hits.map((hit) => ({ ...hit })) : null,
        },
      ];
    }
    case "web_search":
      return [
        {
          type: "web_search_call",
          id: newId("ws"),
          status: "completed",
          action: { type: "search", query: question || "search" },
        },
      ];
    case "image_generation":
      return [
        {
          type: "image_generation_call",
          id: newId("ig"),
          status: "completed",
          revised_prompt: question || "an image",
          result: encodePng(2, 2, new Uint8Array([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255])).toString(
            "base64",
          ),
        },
      ];
    case "mcp": {
      const label = typeof tool.server_label === "string" ? tool.server_label : "mcp";
      const list: Item = {
        type: "mcp_list_tools",
        id: newId("mcpl"),
        server_label: label,
        tools: [
          {
            name: "search",
            description: "Searches the server's documents.",
            input_schema: { type: "object", properties: { query: { type: "string" } } },
          },
        ],
      };
      const approval = tool.require_approval === undefined || tool.require_approval === "always";
      if (approval)
        return [
          list,
          {
            type: "mcp_approval_request",
            id: newId("mcpr"),
            server_label: label,
            name: "search",
            arguments: JSON.stringify({ query: question }),
          },
        ];
      return [list, mcpCall(newId("mcp"), label, "search")];
    }
  }
}

function mcpCall(id: string, label: string, name: string): Item {
  return {
    type: "mcp_call",
    id,
    server_label: label,
    name,
    arguments: "{}",
    output: `Results from ${label}: one emulated document.`,
    error: null,
  };
}

function defaultCall(
  tools: Record<string, unknown>[],
  body: Record<string, unknown>,
): NonNullable<ScriptedResponse["function_calls"]> {
  const functions = tools.filter((t) => t.type === "function");
  if (functions.length === 0) return [];
  const named = (body.tool_choice as { name?: unknown } | undefined)?.name;
  // Each function once (parallel calls), unless the request names one or turns parallel calls off.
  const chosen =
    named !== undefined
      ? [functions.find((t) => t.name === named) ?? functions[0]!]
      : body.parallel_tool_calls === false
        ? [functions[0]!]
        : functions;
  return chosen.map((tool) => ({
    name: String(tool.name),
    arguments: JSON.stringify(sampleFromSchema(tool.parameters ?? { type: "object" })),
  }));
}
