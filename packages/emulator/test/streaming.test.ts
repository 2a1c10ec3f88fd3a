import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../src/index.js";
import { deploymentUrl, postJson, sseData, USER_CHAT, type Wire } from "./helpers.js";

let emulator: Emulator;
let url: string;
beforeAll(async () => {
  emulator = await startEmulator();
  url = deploymentUrl(emulator.url, "gpt-4o", "chat/completions");
});
afterAll(() => emulator.close());

describe("chat/completions streaming", () => {
  it("sends the prompt-filter chunk first and the usage chunk last before [DONE]", async () => {
    const { res, text } = await postJson(url, {
      ...USER_CHAT,
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = sseData(text);
    expect(events[0]).toEqual({
      choices: [],
      created: 0,
      id: "",
      model: "",
      object: "",
      prompt_filter_results: [expect.objectContaining({ prompt_index: 0 })],
    });
    expect(events[1].choices[0].delta).toEqual({ content: "", refusal: null, role: "assistant" });
    expect(events.at(-1)).toBe("[DONE]");
    const usage = events.at(-2);
    expect(usage.choices).toEqual([]);
    expect(usage.usage.total_tokens).toBeGreaterThan(0);
    const finish = events.at(-3);
    expect(finish.choices[0]).toMatchObject({ delta: {}, finish_reason: "stop" });
    const deltas = events.slice(2, -3);
    expect(deltas.length).toBeGreaterThan(5);
    for (const d of deltas) {
      expect(d.object).toBe("chat.completion.chunk");
      expect(d.choices[0].content_filter_results.violence).toEqual({ filtered: false, severity: "safe" });
    }
    const streamed = deltas.map((d) => d.choices[0].delta.content).join("");
    const whole = (await postJson(url, USER_CHAT)).json().choices[0].message.content;
    expect(streamed).toBe(whole);
  });

  it("has no usage chunk unless stream_options.include_usage", async () => {
    const events = sseData((await postJson(url, { ...USER_CHAT, stream: true })).text);
    expect(events.at(-2).choices[0].finish_reason).toBe("stop");
    expect(events.some((e) => e !== "[DONE]" && e.usage)).toBe(false);
  });

  it("streams tool calls: id, type and name first, then argument fragments", async () => {
    const tools = [
      {
        type: "function",
        function: {
          name: "search",
          parameters: {
            type: "object",
            properties: { query: { type: "string" }, limit: { type: "integer" } },
          },
        },
      },
    ];
    const events = sseData((await postJson(url, { ...USER_CHAT, tools, stream: true })).text);
    const calls = events.flatMap((e) =>
      e === "[DONE]" ? [] : e.choices.flatMap((c: Wire) => c.delta?.tool_calls ?? []),
    );
    expect(calls[0]).toMatchObject({
      index: 0,
      type: "function",
      function: { name: "search", arguments: "" },
    });
    expect(calls[0].id).toMatch(/^call_/);
    expect(calls.length).toBeGreaterThan(2);
    for (const later of calls.slice(1)) {
      expect(later.id).toBeUndefined();
      expect(Object.keys(later.function)).toEqual(["arguments"]);
    }
    expect(JSON.parse(calls.map((c) => c.function.arguments).join(""))).toEqual({
      query: "sample query",
      limit: 1,
    });
    expect(events.at(-2).choices[0].finish_reason).toBe("tool_calls");
  });

  it("carries On Your Data context on the first delta", async () => {
    const events = sseData(
      (
        await postJson(url, {
          ...USER_CHAT,
          stream: true,
          data_sources: [{ type: "azure_search", parameters: {} }],
        })
      ).text,
    );
    expect(events[1].choices[0].delta.context.citations[0].title).toBeTypeOf("string");
  });

  it("streams logprobs per delta when asked", async () => {
    const events = sseData((await postJson(url, { ...USER_CHAT, stream: true, logprobs: true })).text);
    const delta = events[2].choices[0];
    expect(delta.logprobs.content[0].token).toBe(delta.delta.content);
  });

  it("produces a long stream from the header, quickly", async () => {
    const started = performance.now();
    const { text } = await postJson(
      url,
      { ...USER_CHAT, stream: true, stream_options: { include_usage: true } },
      {
        "x-aoai-emulator-stream-chunks": "100000",
      },
    );
    const elapsed = performance.now() - started;
    const frames = text.split("\n\n").filter(Boolean);
    // prompt filter + role + 100,000 content + finish + usage + [DONE]
    expect(frames).toHaveLength(100_005);
    expect(frames.at(-1)).toBe("data: [DONE]");
    expect(JSON.parse(frames[50_000]!.slice(6)).choices[0].content_filter_results.hate.severity).toBe("safe");
    expect(elapsed).toBeLessThan(10_000);
  });

  it("streams as the Asynchronous Filter does: unannotated deltas, trailing annotations with offsets", async () => {
    const content = "One two three four five six seven eight nine ten eleven";
    emulator.script({ content, content_filter_mode: "asynchronous" });
    const events = sseData((await postJson(url, { ...USER_CHAT, stream: true })).text).slice(0, -1);
    const deltas = events.filter((e) => typeof e.choices[0]?.delta?.content === "string");
    for (const d of deltas) expect(d.choices[0].content_filter_results).toEqual({});
    const annotations = events.filter((e) => e.choices[0] && !("delta" in e.choices[0]));
    for (const a of annotations) {
      expect(a).toMatchObject({ id: "", model: "", object: "", created: 0 });
      expect(a.choices[0].content_filter_results.hate).toEqual({ filtered: false, severity: "safe" });
    }
    // Batches cover the content end to end, each starting where the one before ended.
    const offsets = annotations.map((a) => a.choices[0].content_filter_offsets);
    expect(offsets.length).toBeGreaterThan(1);
    expect(offsets[0].start_offset).toBe(0);
    expect(offsets.at(-1).end_offset).toBe(content.length);
    for (const [i, o] of offsets.entries()) {
      expect(o.check_offset).toBe(o.start_offset);
      if (i > 0) expect(o.start_offset).toBe(offsets[i - 1].end_offset);
    }
    // The last annotation trails the finish chunk.
    expect(events.at(-1)).toBe(annotations.at(-1));
    expect(events.at(-2).choices[0].finish_reason).toBe("stop");
    expect(() => emulator.script({ content_filter_mode: "async" } as never)).toThrow(/content_filter_mode/);
    expect(() => emulator.script({ content_filter_mode: "asynchronous", stream_chunks: 5 })).toThrow(
      /stream_chunks/,
    );
  });

  it("produces a long stream from emulator.script({ stream_chunks })", async () => {
    emulator.script({ stream_chunks: 50 });
    const events = sseData((await postJson(url, { ...USER_CHAT, stream: true })).text);
    expect(events.filter((e) => e !== "[DONE]" && e.choices[0]?.delta?.content).length).toBe(50);
  });
});
