import { describe, expect, it } from "vitest";
import { toInputItems } from "./next-input.js";
import type { Response } from "./response-types.js";

const output = [
  { type: "reasoning", id: "rs_1", summary: [], encrypted_content: "gAAAA1" },
  { type: "reasoning", id: "rs_2", summary: [] },
  { type: "function_call", id: "fc_1", call_id: "call_1", name: "f", arguments: "{}" },
  {
    type: "message",
    id: "msg_1",
    role: "assistant",
    status: "completed",
    content: [{ type: "output_text", text: "Hi", annotations: [] }],
  },
] as Response["output"];

describe("toInputItems", () => {
  it("drops every id of an unstored response, keeps encrypted reasoning, leaves out reasoning it cannot replay", () => {
    expect(toInputItems({ store: false, output })).toEqual([
      { type: "reasoning", summary: [], encrypted_content: "gAAAA1" },
      { type: "function_call", call_id: "call_1", name: "f", arguments: "{}" },
      {
        type: "message",
        role: "assistant",
        status: "completed",
        content: [{ type: "output_text", text: "Hi", annotations: [] }],
      },
    ]);
  });

  it("keeps a stored response's items as they are", () => {
    const items = toInputItems({ store: true, output });
    expect(items).toEqual(output);
    expect(items).not.toBe(output);
  });
});
