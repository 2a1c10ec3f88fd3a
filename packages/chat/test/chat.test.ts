import {
  type AdditionalPolicy,
  APIUserAbortError,
  ContentFilterError,
  InvalidInputError,
  UnsupportedApiVersionError,
  UnsupportedParameterError,
} from "@aoai/core";
import { describe, expect, it } from "vitest";
import {
  ChatClient,
  type ChatCompletionCreateRequest,
  type ChatMessage,
  type ChatTool,
  contentFilterSummary,
  readChatStream,
  VERSION,
} from "../src/index.js";
import { emulatorChat, PIRATE, scripted } from "./helpers.js";

// Integration: real HTTP to the shared emulator on 127.0.0.1 (test-utils/global-setup.ts).

describe("complete()", () => {
  it("answers the docs' pirate conversation with a typed completion and _response", async () => {
    const { chat } = emulatorChat();
    const c = await chat.complete({ messages: PIRATE, max_tokens: 200, temperature: 0.7 });
    expect(c.object).toBe("chat.completion");
    expect(c.choices[0]!.message.role).toBe("assistant");
    expect(typeof c.choices[0]!.message.content).toBe("string");
    expect(c.choices[0]!.finish_reason).toBe("stop");
    expect(c.usage!.total_tokens).toBeGreaterThan(0);
    expect(c.prompt_filter_results?.[0]?.content_filter_results?.hate?.severity).toBe("safe");
    expect(c._response.status).toBe(200);
    expect(Object.keys(c)).not.toContain("_response");
    expect(contentFilterSummary(c).filtered).toBe(false);
  });

  it("types the rate-limit and routing facts on _response", async () => {
    const { chat } = emulatorChat();
    const c = await chat.complete({ messages: PIRATE });
    const { rateLimit } = c._response;
    expect(rateLimit.limitRequests).toBe(Number(c._response.headers.get("x-ratelimit-limit-requests")));
    expect(rateLimit.remainingTokens).toBeGreaterThanOrEqual(0);
    expect(rateLimit.resetTokensMs).toBeGreaterThanOrEqual(0);
    expect(c._response.region).toBe("Local");
    expect(c._response.deploymentName).toBe("gpt-4o");
  });

  it("sends aoai-chat/<version> in the User-Agent and per-call headers", async () => {
    const seen: Record<string, string | undefined> = {};
    const spy: AdditionalPolicy = {
      position: "perRetry",
      policy: {
        name: "spy",
        sendRequest: (request, next) => {
          seen.ua = request.headers.get("user-agent");
          seen.custom = request.headers.get("x-custom");
          return next(request);
        },
      },
    };
    const { chat } = emulatorChat({ policies: [spy] });
    await chat.complete({ messages: PIRATE }, { headers: { "x-custom": "1" } });
    expect(seen.ua).toContain(`aoai-chat/${VERSION}`);
    expect(seen.custom).toBe("1");
  });

  it("passes unknown fields through and n > 1 gives several choices", async () => {
    const { chat } = emulatorChat({ apiVersion: "2025-04-01-preview" });
    const c = await chat.complete({ messages: PIRATE, n: 2, seed: 1, logprobs: true, top_logprobs: 2 });
    expect(c.choices).toHaveLength(2);
    expect(c.choices[0]!.logprobs?.content?.length).toBeGreaterThan(0);
  });

  it("runs a full tool round trip", async () => {
    const { chat } = emulatorChat();
    const tools: ChatTool[] = [
      {
        type: "function",
        function: {
          name: "get_weather",
          parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
        },
      },
    ];
    const messages: ChatMessage[] = [{ role: "user", content: "Weather in Paris?" }];
    const first = await chat.complete(
      { messages, tools, tool_choice: "auto", parallel_tool_calls: false },
      scripted({
        tool_calls: [{ id: "call_1", function: { name: "get_weather", arguments: { city: "Paris" } } }],
      }),
    );
    const reply = first.choices[0]!;
    expect(reply.finish_reason).toBe("tool_calls");
    const call = reply.message.tool_calls![0]!;
    expect(JSON.parse(call.function.arguments)).toEqual({ city: "Paris" });
    messages.push(reply.message, {
      role: "tool",
      tool_call_id: call.id,
      content: JSON.stringify({ temp_c: 18 }),
    });
    const second = await chat.complete({ messages, tools }, scripted({ content: "18 C in Paris." }));
    expect(second.choices[0]!.message.content).toBe("18 C in Paris.");
  });

  it("surfaces a content_filter finish reason with its categories", async () => {
    const { chat } = emulatorChat();
    const c = await chat.complete(
      { messages: PIRATE },
      scripted({ content: "", finish_reason: "content_filter" }),
    );
    const summary = contentFilterSummary(c);
    expect(summary.filtered).toBe(true);
    expect(summary.choices[0]).toMatchObject({ finish_reason: "content_filter", categories: ["violence"] });
  });

  it("throws core's ContentFilterError for the content-filter 400", async () => {
    const { chat } = emulatorChat();
    const error = await chat
      .complete(
        { messages: PIRATE },
        { headers: { "x-aoai-emulator-fault": JSON.stringify({ kind: "content-filter" }) } },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentFilterError);
    expect((error as ContentFilterError).filtered.length).toBeGreaterThan(0);
  });

  it("throws the same ContentFilterError for the newer body (content_filters, ContentFiltered)", async () => {
    const { chat } = emulatorChat();
    const fault = { kind: "content-filter", shape: "content_filters" };
    const error = await chat
      .complete({ messages: PIRATE }, { headers: { "x-aoai-emulator-fault": JSON.stringify(fault) } })
      .catch((e: unknown) => e);
    expect(ContentFilterError.isInstance(error)).toBe(true);
    const filtered = error as ContentFilterError;
    expect(filtered.innerCode).toBe("ContentFiltered");
    expect(filtered.contentFilters?.[0]).toMatchObject({ blocked: true, source_type: "prompt" });
    expect(filtered.filtered).toEqual(["jailbreak", "violence"]);
  });

  it("returns On Your Data context with citations and intent", async () => {
    const { chat } = emulatorChat();
    const c = await chat.complete({
      messages: [{ role: "user", content: "What do parrots eat?" }],
      data_sources: [
        {
          type: "azure_search",
          parameters: {
            endpoint: "https://search.example.net",
            index_name: "parrots",
            authentication: { type: "api_key", key: "k" },
          },
        },
      ],
    });
    const context = c.choices[0]!.message.context!;
    expect(context.citations!.length).toBeGreaterThan(0);
    expect(typeof context.citations![0]!.content).toBe("string");
    expect(typeof context.intent).toBe("string");
  });

  it("refuses an option the API version lacks before sending", async () => {
    const { chat } = emulatorChat({ apiVersion: "2024-10-21" });
    await expect(chat.complete({ messages: PIRATE, reasoning_effort: "low" })).rejects.toBeInstanceOf(
      UnsupportedApiVersionError,
    );
  });

  it("does not type-check stream: true, and refuses it at run time before sending", async () => {
    const { chat } = emulatorChat();
    // @ts-expect-error complete() has no `stream`: stream() is the streaming call.
    const error = await chat.complete({ messages: PIRATE, stream: true }).catch((e: unknown) => e);
    expect(InvalidInputError.isInstance(error) && error.param).toBe("stream");
  });

  it("honours signal: an aborted call throws APIUserAbortError", async () => {
    const { chat } = emulatorChat();
    const controller = new AbortController();
    controller.abort();
    await expect(chat.complete({ messages: PIRATE }, { signal: controller.signal })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
  });
});

describe("stream()", () => {
  it("streams typed chunks, the prompt-filter chunk first, and accumulates the final completion", async () => {
    const { chat } = emulatorChat({ apiVersion: "2025-04-01-preview" });
    const stream = await chat.stream({ messages: PIRATE, stream_options: { include_usage: true } });
    expect(stream._response?.status).toBe(200);
    let first = true;
    let text = "";
    for await (const chunk of stream) {
      if (first) expect(chunk.choices).toEqual([]);
      first = false;
      text += chunk.choices[0]?.delta?.content ?? "";
    }
    const final = await stream.finalCompletion();
    expect(final.choices[0]!.message.content).toBe(text);
    expect(final.choices[0]!.finish_reason).toBe("stop");
    expect(final.usage!.total_tokens).toBeGreaterThan(0);
    expect(final.prompt_filter_results).toHaveLength(1);
    expect(final.choices[0]!.content_filter_results?.hate?.filtered).toBe(false);
  });

  it("types the Asynchronous Filter's annotations and keeps the last offsets in the final completion", async () => {
    const { chat } = emulatorChat();
    const content = "Ahoy! Parrots learn by repetition and treats, matey.";
    const stream = await chat.stream(
      { messages: PIRATE },
      scripted({ content, content_filter_mode: "asynchronous" }),
    );
    const ends: number[] = [];
    for await (const chunk of stream) {
      const offsets = chunk.choices[0]?.content_filter_offsets;
      if (offsets) ends.push(offsets.end_offset);
    }
    expect(ends.length).toBeGreaterThan(1);
    const final = await stream.finalCompletion();
    const choice = final.choices[0]!;
    expect(choice.message.content).toBe(content);
    expect(choice.content_filter_offsets?.end_offset).toBe(content.length);
    expect(choice.content_filter_results?.hate?.filtered).toBe(false);
    // The annotations' blank id and model do not replace the completion's.
    expect(final.id).toMatch(/^chatcmpl-/);
    expect(final.model).not.toBe("");
  });

  it("textDeltas() then finalCompletion(), with tool calls accumulated", async () => {
    const { chat } = emulatorChat();
    const stream = await chat.stream(
      { messages: PIRATE },
      scripted({
        content: "Arr, a cracker!",
        tool_calls: [{ id: "c1", function: { name: "lookup", arguments: { q: "parrot training tips" } } }],
      }),
    );
    let text = "";
    for await (const t of stream.textDeltas()) text += t;
    const final = await stream.finalCompletion();
    expect(final.choices[0]!.message.content).toBe(text);
    expect(JSON.parse(final.choices[0]!.message.tool_calls![0]!.function.arguments)).toEqual({
      q: "parrot training tips",
    });
  });

  it("a content_filter finish in a stream surfaces in the final completion", async () => {
    const { chat } = emulatorChat();
    const stream = await chat.stream(
      { messages: PIRATE },
      scripted({ content: "a b c", finish_reason: "content_filter" }),
    );
    const summary = contentFilterSummary(await stream.finalCompletion());
    expect(summary.choices[0]).toMatchObject({ finish_reason: "content_filter", categories: ["violence"] });
  });

  it("break stops the request; finalCompletion() has the partial text", async () => {
    const { chat } = emulatorChat();
    const stream = await chat.stream(
      { messages: PIRATE },
      { headers: { "x-aoai-emulator-stream-chunks": "1000" } },
    );
    let n = 0;
    for await (const _ of stream.textDeltas()) if (++n === 3) break;
    const final = await stream.finalCompletion();
    expect(final.choices[0]!.finish_reason).toBeNull();
    expect(final.choices[0]!.message.content!.length).toBeGreaterThan(0);
  });

  it("an error status throws from stream() itself", async () => {
    const { chat } = emulatorChat();
    await expect(
      chat.stream(
        { messages: PIRATE },
        { headers: { "x-aoai-emulator-fault": JSON.stringify({ kind: "content-filter" }) } },
      ),
    ).rejects.toBeInstanceOf(ContentFilterError);
  });

  it("toReadableStream() serves NDJSON that readChatStream() reads back", async () => {
    const { chat } = emulatorChat();
    const stream = await chat.stream({ messages: PIRATE });
    const response = new Response(stream.toReadableStream(), {
      headers: { "content-type": "application/x-ndjson" },
    });
    const client = readChatStream(response.body!);
    let text = "";
    for await (const t of client.textDeltas()) text += t;
    expect(text.length).toBeGreaterThan(0);
    expect((await client.finalCompletion()).choices[0]!.message.content).toBe(text);
  });

  it("aborting with a signal mid-stream throws APIUserAbortError from the loop", async () => {
    const { chat } = emulatorChat();
    const controller = new AbortController();
    const stream = await chat.stream(
      { messages: PIRATE },
      { signal: controller.signal, headers: { "x-aoai-emulator-stream-chunks": "100000" } },
    );
    const error = await (async () => {
      let n = 0;
      for await (const _ of stream) if (++n === 5) controller.abort();
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIUserAbortError);
  });
});

describe("reasoning models", () => {
  const reasoningChat = (deployment: string) => {
    const { client } = emulatorChat({ apiVersion: "2025-04-01-preview" });
    return new ChatClient(client, deployment);
  };

  it("sends max_completion_tokens, reasoning_effort, verbosity and service_tier as typed", async () => {
    const bodies: string[] = [];
    const spy: AdditionalPolicy = {
      policy: {
        name: "body-spy",
        sendRequest: (request, next) => {
          bodies.push(String(request.body));
          return next(request);
        },
      },
    };
    // verbosity and service_tier came after the dated specs: the v1 API takes them.
    const { client } = emulatorChat({ apiVersion: "v1", policies: [spy] });
    const request: ChatCompletionCreateRequest = {
      messages: PIRATE,
      max_completion_tokens: 400,
      reasoning_effort: "minimal",
      verbosity: "low",
      service_tier: "priority",
    };
    const c = await new ChatClient(client, "gpt-5-mini").complete(request);
    expect(c.choices[0]!.finish_reason).toBe("stop");
    expect(JSON.parse(bodies[0]!)).toMatchObject({
      max_completion_tokens: 400,
      reasoning_effort: "minimal",
      verbosity: "low",
      service_tier: "priority",
    });
  });

  it("an unsupported max_tokens is a typed error naming max_completion_tokens", async () => {
    const error = await reasoningChat("o3-mini")
      .complete({ messages: PIRATE, max_tokens: 100 })
      .catch((e: unknown) => e);
    expect(UnsupportedParameterError.isInstance(error)).toBe(true);
    expect((error as UnsupportedParameterError).param).toBe("max_tokens");
    expect((error as UnsupportedParameterError).replacement).toBe("max_completion_tokens");
  });

  it("an unsupported temperature is a typed error naming reasoning_effort", async () => {
    for (const deployment of ["o1", "gpt-5"]) {
      const error = await reasoningChat(deployment)
        .complete({ messages: PIRATE, temperature: 0.3 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnsupportedParameterError);
      expect((error as UnsupportedParameterError).replacement).toBe("reasoning_effort");
      expect((error as Error).message).toContain("reasoning_effort");
    }
  });
});
