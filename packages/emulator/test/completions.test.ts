import { describe, expect, it } from "vitest";
import { deploymentUrl, postJson, sharedEmulator, sseData, type Wire } from "./helpers.js";

const url = deploymentUrl(sharedEmulator().url, "gpt-35-turbo-instruct", "completions");
const reply = (script: object) => ({ "x-aoai-emulator-reply": JSON.stringify(script) });

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
    expect(Object.keys(body.choices[0].logprobs.top_logprobs[0])).toHaveLength(2);
    expect(body.prompt_filter_results.map((r: Wire) => r.prompt_index)).toEqual([0, 1]);
  });

  it("takes token-id prompts and arrays of them", async () => {
    const one = (await postJson(url, { prompt: [1212, 318] })).json();
    expect(one.choices).toHaveLength(1);
    const two = (await postJson(url, { prompt: [[1212], [318, 257]] })).json();
    expect(two.choices).toHaveLength(2);
    expect(two.prompt_filter_results).toHaveLength(2);
  });

  it("ends the text before the first stop sequence, and at max_tokens with finish_reason length", async () => {
    const full = (await postJson(url, { prompt: "Hi" })).json().choices[0].text as string;
    const stopped = (await postJson(url, { prompt: "Hi", stop: ["emulator", "deterministic"] })).json();
    expect(stopped.choices[0].text).toBe(full.slice(0, full.indexOf("deterministic")));
    expect(stopped.choices[0].finish_reason).toBe("stop");
    const cut = (await postJson(url, { prompt: "Hi", max_tokens: 3 })).json();
    expect(cut.choices[0].finish_reason).toBe("length");
    expect(cut.usage.completion_tokens).toBe(3);
  });

  it("quotes the suffix, and bills best_of candidates while returning n choices", async () => {
    const body = (await postJson(url, { prompt: "def add(a, b):", suffix: "return c" })).json();
    expect(body.choices[0].text).toContain('"return c"');
    expect(body.choices[0].text.endsWith("return c")).toBe(false);
    const plain = (await postJson(url, { prompt: "Hi", n: 1 })).json();
    const best = (await postJson(url, { prompt: "Hi", n: 1, best_of: 3 })).json();
    expect(best.choices).toHaveLength(1);
    expect(best.usage.completion_tokens).toBe(plain.usage.completion_tokens * 3);
  });

  it("answers Azure-shaped 400s for best_of below n, best_of with stream, bad stop and logprobs", async () => {
    const cases: [object, string][] = [
      [{ prompt: "x", n: 3, best_of: 2 }, "best_of"],
      [{ prompt: "x", best_of: 2, stream: true }, "best_of"],
      [{ prompt: "x", best_of: 21 }, "best_of"],
      [{ prompt: "x", stop: ["a", "b", "c", "d", "e"] }, "stop"],
      [{ prompt: "x", logprobs: 6 }, "logprobs"],
      [{ prompt: [[]] }, "prompt[0]"],
      [{ prompt: [1.5] }, "prompt"],
    ];
    for (const [body, param] of cases) {
      const { res, json } = await postJson(url, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(json().error).toMatchObject({ param, type: "invalid_request_error" });
    }
  });

  it("streams with the prompt-filter chunk first and [DONE] last", async () => {
    const events = sseData(
      (await postJson(url, { prompt: "Hi", stream: true, stream_options: { include_usage: true } })).text,
    );
    expect(events[0]).toMatchObject({ id: "", object: "", created: 0, model: "", choices: [] });
    expect(events.at(-1)).toBe("[DONE]");
    expect(events.at(-2).usage.total_tokens).toBeGreaterThan(0);
    expect(events.at(-3).choices[0].finish_reason).toBe("stop");
    // With include_usage the other chunks say usage: null, as the service does.
    expect(events[1].usage).toBeNull();
    const text = events
      .slice(1, -3)
      .map((e) => e.choices[0].text)
      .join("");
    expect(text).toBe((await postJson(url, { prompt: "Hi" })).json().choices[0].text);
  });

  it("streams several prompts with n interleaved, each choice with its logprobs pieces", async () => {
    const request = { prompt: ["a", "b"], n: 2, logprobs: 1 };
    const whole = (await postJson(url, request)).json();
    const events = sseData((await postJson(url, { ...request, stream: true })).text).slice(1, -1);
    expect(events[0].choices[0].index).toBe(0);
    expect(events[1].choices[0].index).toBe(1);
    for (const expected of whole.choices) {
      const parts = events.map((e: Wire) => e.choices[0]).filter((c: Wire) => c.index === expected.index);
      expect(parts.map((c: Wire) => c.text).join("")).toBe(expected.text);
      expect(parts.at(-1).finish_reason).toBe("stop");
      const lp = parts.filter((c: Wire) => c.logprobs).map((c: Wire) => c.logprobs);
      expect(lp.flatMap((l: Wire) => l.tokens)).toEqual(expected.logprobs.tokens);
      expect(lp.flatMap((l: Wire) => l.text_offset)).toEqual(expected.logprobs.text_offset);
    }
  });

  it("serves a scripted reply from the header: text, content_filter finish, usage", async () => {
    const body = (
      await postJson(
        url,
        { prompt: "Hi" },
        reply({ content: "cut", finish_reason: "content_filter", usage: { completion_tokens: 9 } }),
      )
    ).json();
    expect(body.choices[0]).toMatchObject({ text: "cut", finish_reason: "content_filter" });
    expect(body.choices[0].content_filter_results.violence.filtered).toBe(true);
    expect(body.usage.completion_tokens).toBe(9);
    const events = sseData(
      (await postJson(url, { prompt: "Hi", stream: true }, reply({ finish_reason: "content_filter" }))).text,
    );
    const last = events.at(-2).choices[0];
    expect(last.finish_reason).toBe("content_filter");
    expect(last.content_filter_results.violence.filtered).toBe(true);
  });

  it("serves a long stream lazily with x-aoai-emulator-stream-chunks", async () => {
    const { text } = await postJson(
      url,
      { prompt: "Hi", stream: true, stream_options: { include_usage: true } },
      { "x-aoai-emulator-stream-chunks": "5000" },
    );
    const events = sseData(text);
    // prompt filter + 5000 text chunks + finish + usage + [DONE]
    expect(events).toHaveLength(5004);
    expect(events[1].choices[0].text).toBe("The");
    expect(events[2].choices[0].text.startsWith(" ")).toBe(true);
    expect(events.at(-3).choices[0].finish_reason).toBe("stop");
    expect(events.at(-2).usage.completion_tokens).toBeGreaterThan(0);
  });

  it("requires a prompt", async () => {
    const { res, json } = await postJson(url, {});
    expect(res.status).toBe(400);
    expect(json().error.param).toBe("prompt");
  });
});
