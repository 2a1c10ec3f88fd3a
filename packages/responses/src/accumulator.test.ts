import { describe, expect, it } from "vitest";
import { ResponseAccumulator } from "./accumulator.js";
import type { ResponseStreamEvent } from "./stream-events.js";

const shell = { id: "resp_1", object: "response", status: "in_progress", output: [] };

function accumulate(events: object[]) {
  const acc = new ResponseAccumulator();
  for (const [i, event] of events.entries()) acc.add({ sequence_number: i, ...event } as ResponseStreamEvent);
  return acc.result();
}

describe("ResponseAccumulator", () => {
  it("builds a response cut short from its items, parts and deltas", () => {
    const result = accumulate([
      { type: "response.created", response: shell },
      {
        type: "response.output_item.added",
        output_index: 0,
        item: { type: "reasoning", id: "rs_1", summary: [] },
      },
      {
        type: "response.reasoning_summary_part.added",
        item_id: "rs_1",
        output_index: 0,
        summary_index: 0,
        part: { type: "summary_text", text: "" },
      },
      {
        type: "response.reasoning_summary_text.delta",
        item_id: "rs_1",
        output_index: 0,
        summary_index: 0,
        delta: "Think",
      },
      {
        type: "response.reasoning_summary_text.delta",
        item_id: "rs_1",
        output_index: 0,
        summary_index: 0,
        delta: "ing",
      },
      {
        type: "response.output_item.added",
        output_index: 1,
        item: { type: "function_call", id: "fc_1", call_id: "c1", name: "f", arguments: "" },
      },
      { type: "response.function_call_arguments.delta", item_id: "fc_1", output_index: 1, delta: '{"a"' },
      { type: "response.function_call_arguments.delta", item_id: "fc_1", output_index: 1, delta: ":1}" },
      {
        type: "response.output_item.added",
        output_index: 2,
        item: { type: "message", id: "m", role: "assistant", status: "in_progress", content: [] },
      },
      {
        type: "response.content_part.added",
        item_id: "m",
        output_index: 2,
        content_index: 0,
        part: { type: "output_text", text: "", annotations: [] },
      },
      { type: "response.output_text.delta", item_id: "m", output_index: 2, content_index: 0, delta: "Hel" },
      { type: "response.output_text.delta", item_id: "m", output_index: 2, content_index: 0, delta: "lo" },
      {
        type: "response.output_text.annotation.added",
        item_id: "m",
        output_index: 2,
        content_index: 0,
        annotation_index: 0,
        annotation: { type: "file_citation", index: 5, file_id: "file-1", filename: "a.md" },
      },
      {
        type: "response.content_part.added",
        item_id: "m",
        output_index: 2,
        content_index: 1,
        part: { type: "refusal", refusal: "" },
      },
      { type: "response.refusal.delta", item_id: "m", output_index: 2, content_index: 1, delta: "No" },
      { type: "response.some_future_event", anything: true },
    ]);
    expect(result.status).toBe("in_progress");
    expect(result.output).toEqual([
      { type: "reasoning", id: "rs_1", summary: [{ type: "summary_text", text: "Thinking" }] },
      { type: "function_call", id: "fc_1", call_id: "c1", name: "f", arguments: '{"a":1}' },
      {
        type: "message",
        id: "m",
        role: "assistant",
        status: "in_progress",
        content: [
          {
            type: "output_text",
            text: "Hello",
            annotations: [{ type: "file_citation", index: 5, file_id: "file-1", filename: "a.md" }],
          },
          { type: "refusal", refusal: "No" },
        ],
      },
    ]);
    expect(result.output_text).toBe("Hello");
  });

  it("takes the terminal event's response as the result, and output_item.done as the item", () => {
    const item = {
      type: "message",
      id: "m",
      role: "assistant",
      status: "completed",
      content: [{ type: "output_text", text: "Done", annotations: [] }],
    };
    const partial = accumulate([
      { type: "response.created", response: shell },
      { type: "response.output_item.added", output_index: 0, item: { ...item, content: [] } },
      { type: "response.output_item.done", output_index: 0, item },
    ]);
    expect(partial.output).toEqual([item]);
    const final = accumulate([
      { type: "response.created", response: shell },
      { type: "response.completed", response: { ...shell, status: "completed", output: [item] } },
    ]);
    expect(final).toMatchObject({ status: "completed", output_text: "Done" });
  });

  it("never changes an event the reader holds", () => {
    const added = {
      type: "message",
      id: "m",
      role: "assistant",
      status: "in_progress",
      content: [] as unknown[],
    };
    accumulate([
      { type: "response.output_item.added", output_index: 0, item: added },
      {
        type: "response.content_part.added",
        item_id: "m",
        output_index: 0,
        content_index: 0,
        part: { type: "output_text", text: "", annotations: [] },
      },
      { type: "response.output_text.delta", item_id: "m", output_index: 0, content_index: 0, delta: "x" },
    ]);
    expect(added.content).toEqual([]);
  });
});
