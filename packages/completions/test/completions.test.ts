import {
  APIUserAbortError,
  AzureOpenAIClient,
  BadRequestError,
  ContentFilterError,
  InternalServerError,
  InvalidInputError,
  UnsupportedApiVersionError,
} from "@aoai/core";
import { type Emulator, startEmulator } from "@aoai/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CompletionClient,
  type CompletionCreateRequest,
  CompletionsClient,
  readCompletionStream,
  VERSION,
} from "../src/index.js";
import { AZURE_DOCS, emulatorCompletions, fault, HELLO, INSTRUCT, scripted } from "./helpers.js";

// Integration: real HTTP to the shared emulator on 127.0.0.1 (test-utils/global-setup.ts), and to a
// private one where a test reads the request log.

describe("CompletionsClient, the old name", () => {
  it("is CompletionClient until the next minor release", () => {
    expect(CompletionsClient).toBe(CompletionClient);
    const client = new AzureOpenAIClient({ endpoint: "https://example.openai.azure.com", apiKey: "k" });
    expect(new CompletionsClient(client, "d")).toBeInstanceOf(CompletionClient);
  });
});

describe("complete()", () => {
  it("answers the docs' request with a typed completion, filter results, usage and _response", async () => {
    const { completions } = emulatorCompletions();
    const c = await completions.complete(AZURE_DOCS);
    expect(c.object).toBe("text_completion");
    expect(c.id).toMatch(/^cmpl-/);
    expect(c.model).toBe(INSTRUCT);
    expect(c.choices).toHaveLength(1);
    expect(c.choices[0]!.text).toContain("What is Azure OpenAI, in 20 words or less");
    expect(c.choices[0]!.finish_reason).toBe("stop");
    expect(c.choices[0]!.logprobs).toBeNull();
    expect(c.choices[0]!.content_filter_results?.hate).toEqual({ filtered: false, severity: "safe" });
    expect(c.prompt_filter_results?.[0]?.content_filter_results?.jailbreak?.detected).toBe(false);
    expect(c.usage!.total_tokens).toBe(c.usage!.prompt_tokens + c.usage!.completion_tokens);
    expect(c._response.status).toBe(200);
    expect(c._response.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Object.keys(c)).not.toContain("_response");
  });

  it("answers the Python docs' Hello World! and cuts at max_tokens with finish_reason length", async () => {
    const { completions } = emulatorCompletions();
    expect((await completions.complete(HELLO)).choices[0]!.text).toContain("Hello World!");
    const cut = await completions.complete({ prompt: "Hello World!", max_tokens: 3 });
    expect(cut.choices[0]!.finish_reason).toBe("length");
    expect(cut.usage!.completion_tokens).toBe(3);
  });

  it("numbers choices across prompts (prompt_index * n + i), with echo and logprobs lists", async () => {
    const { completions } = emulatorCompletions();
    const c = await completions.complete({ prompt: ["Once", "Twice"], n: 2, echo: true, logprobs: 3 });
    expect(c.choices.map((x) => x.index)).toEqual([0, 1, 2, 3]);
    expect(c.choices[2]!.text.startsWith("Twice")).toBe(true);
    expect(c.prompt_filter_results?.map((r) => r.prompt_index)).toEqual([0, 1]);
    const lp = c.choices[0]!.logprobs!;
    expect(lp.tokens.join("")).toBe(c.choices[0]!.text);
    expect(lp.token_logprobs).toHaveLength(lp.tokens.length);
    expect(lp.text_offset[1]).toBe(lp.tokens[0]!.length);
    expect(Object.keys(lp.top_logprobs[0]!)).toHaveLength(3);
  });

  it("takes token-id prompts, stop, suffix and best_of", async () => {
    const { completions } = emulatorCompletions();
    expect((await completions.complete({ prompt: [1212, 318] })).choices).toHaveLength(1);
    expect((await completions.complete({ prompt: [[1212], [318, 257]] })).choices).toHaveLength(2);
    const stopped = await completions.complete({ prompt: "Hi", stop: "deterministic" });
    expect(stopped.choices[0]!.text).not.toContain("deterministic");
    const inserted = await completions.complete({ prompt: "def add(a, b):", suffix: "return c" });
    expect(inserted.choices[0]!.text).toContain('"return c"');
    const plain = await completions.complete({ prompt: "Hi" });
    const best = await completions.complete({ prompt: "Hi", best_of: 3 });
    expect(best.choices).toHaveLength(1);
    expect(best.usage!.completion_tokens).toBe(plain.usage!.completion_tokens * 3);
  });

  it("surfaces a content_filter finish reason with the choice's filter results", async () => {
    const { completions } = emulatorCompletions();
    const c = await completions.complete(HELLO, scripted({ content: "", finish_reason: "content_filter" }));
    expect(c.choices[0]!.finish_reason).toBe("content_filter");
    expect(c.choices[0]!.content_filter_results?.violence?.filtered).toBe(true);
  });

  it("throws core's typed errors: ContentFilterError for the prompt filter's 400, BadRequestError with param", async () => {
    const { completions } = emulatorCompletions();
    const filtered = await completions
      .complete(HELLO, fault({ kind: "content-filter" }))
      .catch((e: unknown) => e);
    expect(filtered).toBeInstanceOf(ContentFilterError);
    expect((filtered as ContentFilterError).filtered.length).toBeGreaterThan(0);
    // Five stop sequences: left to the service, which answers 400 naming the parameter.
    const bad = await completions
      .complete({ prompt: "x", stop: ["a", "b", "c", "d", "e"] })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(BadRequestError);
    expect((bad as BadRequestError).param).toBe("stop");
  });

  it("honours signal: an aborted call throws APIUserAbortError", async () => {
    const { completions } = emulatorCompletions();
    const controller = new AbortController();
    controller.abort();
    await expect(completions.complete(HELLO, { signal: controller.signal })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
  });
});

describe("stream()", () => {
  it("streams typed chunks, the prompt-filter chunk first, and accumulates what complete() returns", async () => {
    const { completions } = emulatorCompletions({ apiVersion: "2025-04-01-preview" });
    const stream = await completions.stream({ ...AZURE_DOCS, stream_options: { include_usage: true } });
    expect(stream._response.status).toBe(200);
    let first = true;
    let text = "";
    for await (const chunk of stream) {
      if (first) expect(chunk).toMatchObject({ id: "", object: "", choices: [] });
      first = false;
      text += chunk.choices[0]?.text ?? "";
    }
    const final = await stream.finalCompletion();
    const whole = await completions.complete(AZURE_DOCS);
    expect(final.choices[0]!.text).toBe(text);
    expect(text).toBe(whole.choices[0]!.text);
    expect(final).toMatchObject({ object: "text_completion", model: INSTRUCT });
    expect(final.id).toMatch(/^cmpl-/);
    expect(final.choices[0]!.finish_reason).toBe("stop");
    expect(final.choices[0]!.content_filter_results?.hate?.filtered).toBe(false);
    expect(final.usage!.completion_tokens).toBe(whole.usage!.completion_tokens);
    expect(final.prompt_filter_results).toEqual(whole.prompt_filter_results);
    expect(final._response.requestId).toBe(stream._response.requestId);
  });

  it("assembles several prompts with n, interleaved, per choice: text and logprobs as complete() has them", async () => {
    const { completions } = emulatorCompletions();
    const request: CompletionCreateRequest = { prompt: ["Once", "Twice"], n: 2, logprobs: 1, echo: true };
    const whole = await completions.complete(request);
    const final = await (await completions.stream(request)).finalCompletion();
    expect(final.choices.map((c) => [c.index, c.text, c.finish_reason])).toEqual(
      whole.choices.map((c) => [c.index, c.text, c.finish_reason]),
    );
    expect(final.choices.map((c) => c.logprobs)).toEqual(whole.choices.map((c) => c.logprobs));
    expect(final.prompt_filter_results?.map((r) => r.prompt_index)).toEqual([0, 1]);
  });

  it("textDeltas(choice) gives one choice's text; finalCompletion() afterwards has the rest", async () => {
    const { completions } = emulatorCompletions();
    const stream = await completions.stream({ prompt: ["Once", "Twice"] });
    let text = "";
    for await (const t of stream.textDeltas(1)) text += t;
    const final = await stream.finalCompletion();
    expect(text).toContain("Twice");
    expect(final.choices[1]!.text).toBe(text);
    expect(final.choices[0]!.text).toContain("Once");
  });

  it("a content_filter finish in a stream surfaces in the final completion", async () => {
    const { completions } = emulatorCompletions();
    const stream = await completions.stream(
      HELLO,
      scripted({ content: "a b c", finish_reason: "content_filter" }),
    );
    const final = await stream.finalCompletion();
    expect(final.choices[0]).toMatchObject({ text: "a b c", finish_reason: "content_filter" });
    expect(final.choices[0]!.content_filter_results?.violence?.filtered).toBe(true);
  });

  it("break stops the request; finalCompletion() has the partial text and no finish reason", async () => {
    const { completions } = emulatorCompletions();
    const stream = await completions.stream(HELLO, { headers: { "x-aoai-emulator-stream-chunks": "1000" } });
    let n = 0;
    for await (const _ of stream.textDeltas()) if (++n === 3) break;
    const final = await stream.finalCompletion();
    expect(final.choices[0]!.finish_reason).toBeNull();
    expect(final.choices[0]!.text.split(" ")).toHaveLength(3);
  });

  it("an error status throws from stream() itself; an error event mid-stream from the loop", async () => {
    const { completions } = emulatorCompletions();
    await expect(completions.stream(HELLO, fault({ kind: "content-filter" }))).rejects.toBeInstanceOf(
      ContentFilterError,
    );
    const stream = await completions.stream(HELLO, fault({ kind: "sse-error", after_chunks: 2 }));
    const error = await (async () => {
      for await (const _ of stream);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    await expect(stream.finalCompletion()).rejects.toBe(error);
  });

  it("toReadableStream() serves NDJSON that readCompletionStream() reads back", async () => {
    const { completions } = emulatorCompletions();
    const stream = await completions.stream(HELLO);
    const response = new Response(stream.toReadableStream(), {
      headers: { "content-type": "application/x-ndjson" },
    });
    const client = readCompletionStream(response.body!);
    let text = "";
    for await (const t of client.textDeltas()) text += t;
    expect(text).toContain("Hello World!");
    const final = await client.finalCompletion();
    expect(final.choices[0]!.text).toBe(text);
    expect(final.choices[0]!.finish_reason).toBe("stop");
  });

  it("aborting with a signal mid-stream throws APIUserAbortError from the loop", async () => {
    const { completions } = emulatorCompletions();
    const controller = new AbortController();
    const stream = await completions.stream(HELLO, {
      signal: controller.signal,
      headers: { "x-aoai-emulator-stream-chunks": "100000" },
    });
    const error = await (async () => {
      let n = 0;
      for await (const _ of stream) if (++n === 5) controller.abort();
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIUserAbortError);
  });
});

describe("CompletionClient on a private emulator (request log)", () => {
  let emulator: Emulator;
  let completions: CompletionClient;
  const on = (apiVersion?: string) =>
    new CompletionClient(
      new AzureOpenAIClient({ endpoint: emulator.url, apiKey: emulator.apiKey, maxRetries: 0, apiVersion }),
      INSTRUCT,
    );
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    completions = on();
  });
  afterAll(() => emulator.close());

  it("sends the request as given (stream: true added for stream()) and identifies itself", async () => {
    emulator.reset();
    await completions.complete(AZURE_DOCS);
    await (
      await on("2024-10-21").stream({ ...HELLO, stream_options: { include_usage: true } })
    ).finalCompletion();
    const [first, second] = emulator.requests;
    expect(first!.path).toBe(`/openai/deployments/${INSTRUCT}/completions`);
    expect(first!.query).toEqual({ "api-version": "2024-10-21" });
    expect(first!.body).toEqual(AZURE_DOCS);
    expect(second!.body).toEqual({ ...HELLO, stream_options: { include_usage: true }, stream: true });
    expect(first!.headers["user-agent"]).toContain(`aoai-completions/${VERSION}`);
    expect(first!.headers["api-key"]).toBe("[redacted]");
  });

  it("sends nothing for bad input and names the parameter", async () => {
    emulator.reset();
    const cases: [() => Promise<unknown>, string][] = [
      [() => completions.complete({ prompt: "" }), "prompt"],
      [() => completions.complete({ prompt: [] }), "prompt"],
      [() => completions.complete({ prompt: ["ok", ""] }), "prompt[1]"],
      [() => completions.complete({ prompt: [[1], []] }), "prompt[1]"],
      [() => completions.complete({ prompt: "x", n: 3, best_of: 2 }), "best_of"],
      [() => completions.stream({ prompt: "x", best_of: 2 }), "best_of"],
      [() => completions.complete({ prompt: "x", logprobs: 6 }), "logprobs"],
      [() => completions.complete({ prompt: "x", logprobs: -1 }), "logprobs"],
      [() => completions.complete({ prompt: "x", n: 0 }), "n"],
      [() => completions.complete({ prompt: "x", n: 129 }), "n"],
      // @ts-expect-error complete() has no `stream`: stream() is the streaming call.
      [() => completions.complete({ prompt: "x", stream: true }), "stream"],
      [() => completions.complete("x" as never), "request"],
    ];
    for (const [run, param] of cases) {
      const error = await run().catch((e: unknown) => e);
      expect(InvalidInputError.isInstance(error), String(error)).toBe(true);
      expect((error as InvalidInputError).param).toBe(param);
    }
    expect(emulator.requests).toHaveLength(0);
  });

  it("refuses stream_options on a version without it, before sending", async () => {
    emulator.reset();
    const error = await on("2024-06-01")
      .stream({ ...HELLO, stream_options: { include_usage: true } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedApiVersionError);
    expect((error as UnsupportedApiVersionError).feature).toBe("stream_options");
    expect(emulator.requests).toHaveLength(0);
  });

  it("works on the v1 API (deployment as model in the body)", async () => {
    emulator.reset();
    const c = await on("v1").complete(HELLO);
    expect(c.choices[0]!.text).toContain("Hello World!");
    expect(emulator.requests[0]!.path).toBe("/openai/v1/completions");
    expect(emulator.requests[0]!.body).toEqual({ ...HELLO, model: INSTRUCT });
  });

  it("refuses a bad deployment name at construction", () => {
    const client = new AzureOpenAIClient({ endpoint: emulator.url, apiKey: emulator.apiKey });
    expect(() => new CompletionClient(client, "a/b")).toThrow(InvalidInputError);
    expect(() => new CompletionClient(client, "")).toThrow(InvalidInputError);
  });
});
