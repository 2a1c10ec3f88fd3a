import { describe, expect, it } from "vitest";
import { deploymentUrl, postJson, sharedEmulator, sseData } from "./helpers.js";

const url = deploymentUrl(sharedEmulator().url, "gpt-35-turbo-instruct", "completions");

describe("completions (legacy)", () => {
  it("answers text_completion with filter results and usage", async () => {
    const body = (await postJson(url, { prompt: "Once upon a time" })).json();
    expect(body.object).toBe("text_completion");
    expect(body.id).toMatch(/^cmpl-/);
    expect(body.choices[0].text).toContain("Once upon a time");
    expect(body.choices[0]).toMatchObject({ index: 0, finish_reason: "stop", logprobs: null });
    expect(body.choices[0].content_filter_results.sexual).toEqual({ filtered: false, severity: "safe" });
    expect(body.prompt_filter_results[0].prompt_index).toBe(0);
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
  });

  it("handles several prompts, n, echo and logprobs", async () => {
    const body = (await postJson(url, { prompt: ["a", "b"], n: 2, echo: true, logprobs: 2 })).json();
    expect(body.choices.map((c: { index: number }) => c.index)).toEqual([0, 1, 2, 3]);
    expect(body.choices[2].text.startsWith("b")).toBe(true);
    expect(body.choices[0].logprobs.tokens.join("")).toBe(body.choices[0].text);
    expect(body.prompt_filter_results).toHaveLength(2);
  });

  it("streams with the prompt-filter chunk first and [DONE] last", async () => {
    const events = sseData(
      (await postJson(url, { prompt: "Hi", stream: true, stream_options: { include_usage: true } })).text,
    );
    expect(events[0]).toMatchObject({ id: "", object: "", created: 0, model: "", choices: [] });
    expect(events.at(-1)).toBe("[DONE]");
    expect(events.at(-2).usage.total_tokens).toBeGreaterThan(0);
    expect(events.at(-3).choices[0].finish_reason).toBe("stop");
    const text = events
      .slice(1, -3)
      .map((e) => e.choices[0].text)
      .join("");
    expect(text).toBe((await postJson(url, { prompt: "Hi" })).json().choices[0].text);
  });

  it("requires a prompt", async () => {
    const { res, json } = await postJson(url, {});
    expect(res.status).toBe(400);
    expect(json().error.param).toBe("prompt");
  });
});
