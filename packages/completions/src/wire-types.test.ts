import { describe, expect, it } from "vitest";
import type { Completion } from "./index.js";

describe("the wire types take Azure's REST examples as they are", () => {
  it("a completion without what Azure's examples leave out (object, model, logprobs)", () => {
    const response: Completion = {
      id: "cmpl-7QmVI15qgYVllxK0FtxVGG6ywfzaq",
      created: 1686617332,
      choices: [{ text: "es", index: 0, finish_reason: "stop" }],
      usage: { completion_tokens: 20, prompt_tokens: 6, total_tokens: 26 },
    };
    expect(response.choices[0]?.logprobs).toBeUndefined();
  });
});
