import { fixedPieces, wordPieces } from "../text.js";
import type { Item } from "./responses-plan.js";

/** One stream event, before its `sequence_number` is set. */
type Event = Record<string, unknown> & { type: string };

// Function and MCP call arguments arrive in fragments of about this many characters.
const ARGUMENT_FRAGMENT = 12;

/**
 * The events of a streamed response, in the service's order, each with its `sequence_number`
 * (from 0): `response.created` (status `queued` for a background response, then
 * `response.queued`), `response.in_progress`, then per output item `output_item.added`, its
 * content (parts, deltas, a hosted tool's progress events), `output_item.done`, and last
 * `response.completed`, `response.incomplete` or `response.failed` with the whole response.
 */
export function responseEvents(
  response: Record<string, unknown> & { output: Item[]; status: string },
): Event[] {
  const events: Event[] = [];
  const shell = { ...response, output: [], usage: null, error: null, incomplete_details: null };
  const background = response.background === true;
  events.push({
    type: "response.created",
    response: { ...shell, status: background ? "queued" : "in_progress" },
  });
  if (background) events.push({ type: "response.queued", response: { ...shell, status: "queued" } });
  events.push({ type: "response.in_progress", response: { ...shell, status: "in_progress" } });
  response.output.forEach((item, output_index) => {
    events.push({ type: "response.output_item.added", output_index, item: startOf(item) });
    events.push(...itemEvents(item, output_index, response));
    events.push({ type: "response.output_item.done", output_index, item });
  });
  const end =
    response.status === "completed" ? "completed" : response.status === "failed" ? "failed" : "incomplete";
  events.push({ type: `response.${end}`, response });
  return events.map((event, sequence_number) => ({ ...event, sequence_number }));
}

/** An item as `output_item.added` shows it: in progress, with nothing generated yet. */
function startOf(item: Item): Item {
  switch (item.type) {
    case "message":
      return { ...item, status: "in_progress", content: [] };
    case "function_call":
      return { ...item, status: "in_progress", arguments: "" };
    case "reasoning":
      return { ...item, summary: [] };
    case "code_interpreter_call":
      return { ...item, status: "in_progress", code: "", outputs: null };
    case "file_search_call":
      return { ...item, status: "in_progress", results: null };
    case "image_generation_call":
      return { ...item, status: "in_progress", result: null };
    case "web_search_call":
      return { ...item, status: "in_progress" };
    case "mcp_call":
      return { ...item, arguments: "", output: null };
    default:
      return item;
  }
}

function itemEvents(item: Item, output_index: number, response: Record<string, unknown>): Event[] {
  const item_id = item.id;
  const at = { item_id, output_index };
  const out: Event[] = [];
  switch (item.type) {
    case "message":
      (item.content as Record<string, unknown>[]).forEach((part, content_index) => {
        const where = { ...at, content_index };
        if (part.type === "refusal") {
          out.push({ type: "response.content_part.added", ...where, part: { type: "refusal", refusal: "" } });
          for (const delta of wordPieces(String(part.refusal)))
            out.push({ type: "response.refusal.delta", ...where, delta });
          out.push({ type: "response.refusal.done", ...where, refusal: part.refusal });
        } else {
          out.push({
            type: "response.content_part.added",
            ...where,
            part: { type: "output_text", text: "", annotations: [] },
          });
          for (const delta of wordPieces(String(part.text)))
            out.push({ type: "response.output_text.delta", ...where, delta });
          // Citations come once the text they point into has been sent.
          const annotations = (part.annotations ?? []) as Record<string, unknown>[];
          for (const [annotation_index, annotation] of annotations.entries())
            out.push({
              type: "response.output_text.annotation.added",
              ...where,
              annotation_index,
              annotation,
            });
          out.push({ type: "response.output_text.done", ...where, text: part.text });
        }
        out.push({ type: "response.content_part.done", ...where, part });
      });
      break;
    case "function_call":
      for (const delta of fixedPieces(String(item.arguments), ARGUMENT_FRAGMENT))
        out.push({ type: "response.function_call_arguments.delta", ...at, delta });
      out.push({ type: "response.function_call_arguments.done", ...at, arguments: item.arguments });
      break;
    case "reasoning":
      (item.summary as { text: string }[]).forEach((part, summary_index) => {
        const where = { ...at, summary_index };
        out.push({
          type: "response.reasoning_summary_part.added",
          ...where,
          part: { type: "summary_text", text: "" },
        });
        for (const delta of wordPieces(part.text))
          out.push({ type: "response.reasoning_summary_text.delta", ...where, delta });
        out.push({ type: "response.reasoning_summary_text.done", ...where, text: part.text });
        out.push({ type: "response.reasoning_summary_part.done", ...where, part });
      });
      break;
    case "code_interpreter_call":
      out.push({ type: "response.code_interpreter_call.in_progress", ...at });
      for (const delta of fixedPieces(String(item.code), ARGUMENT_FRAGMENT))
        out.push({ type: "response.code_interpreter_call_code.delta", ...at, delta });
      out.push({ type: "response.code_interpreter_call_code.done", ...at, code: item.code });
      out.push({ type: "response.code_interpreter_call.interpreting", ...at });
      out.push({ type: "response.code_interpreter_call.completed", ...at });
      break;
    case "file_search_call":
    case "web_search_call": {
      const name = item.type;
      out.push({ type: `response.${name}.in_progress`, ...at });
      out.push({ type: `response.${name}.searching`, ...at });
      out.push({ type: `response.${name}.completed`, ...at });
      break;
    }
    case "image_generation_call": {
      out.push({ type: "response.image_generation_call.in_progress", ...at });
      out.push({ type: "response.image_generation_call.generating", ...at });
      const tool = (response.tools as Record<string, unknown>[]).find((t) => t.type === "image_generation");
      const partials = typeof tool?.partial_images === "number" ? tool.partial_images : 0;
      for (let i = 0; i < partials; i++)
        out.push({
          type: "response.image_generation_call.partial_image",
          ...at,
          partial_image_index: i,
          partial_image_b64: item.result,
        });
      out.push({ type: "response.image_generation_call.completed", ...at });
      break;
    }
    case "mcp_list_tools":
      out.push({ type: "response.mcp_list_tools.in_progress", ...at });
      out.push({ type: "response.mcp_list_tools.completed", ...at });
      break;
    case "mcp_call":
      out.push({ type: "response.mcp_call.in_progress", ...at });
      for (const delta of fixedPieces(String(item.arguments), ARGUMENT_FRAGMENT))
        out.push({ type: "response.mcp_call_arguments.delta", ...at, delta });
      out.push({ type: "response.mcp_call_arguments.done", ...at, arguments: item.arguments });
      out.push({ type: "response.mcp_call.completed", ...at });
      break;
  }
  return out;
}

/** Events as SSE frames: `event: <type>` and the JSON, as the service sends them. */
export function eventFrames(events: readonly Record<string, unknown>[]): string[] {
  return events.map((event) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
}
