import { APIError, type AzureOpenAIClient, InvalidInputError, UnsupportedApiVersionError } from "@aoai/core";
import { type Emulator, startEmulator } from "@aoai/emulator";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  compactResponse,
  imagesOf,
  listInputItems,
  ResponseClient,
  type ResponseStreamEvent,
  readResponseStream,
  toInputItems,
  waitForResponse,
} from "../src/index.js";
import { cityTool, emulatorResponses, fault, indexedDocs, scripted } from "./helpers.js";

// A test's own emulator where the request log matters (nothing sent on bad input).
let own: Emulator;
beforeAll(async () => {
  own = await startEmulator();
});
afterAll(() => own.close());

const weather = cityTool();

describe("construction", () => {
  it('says the client was forgotten in words, for new ResponseClient("gpt-4.1")', () => {
    const make = () => new ResponseClient("gpt-4.1" as unknown as AzureOpenAIClient, undefined as never);
    expect(make).toThrow(/client is missing: "gpt-4.1" is where the AzureOpenAIClient goes/);
  });
});

describe("create", () => {
  it("returns the typed response with output_text and _response, on v1 and the dated preview route", async () => {
    const { responses } = emulatorResponses();
    const response = await responses.create({
      input: "When was Microsoft founded?",
      metadata: { app: "test" },
    });
    expect(response.object).toBe("response");
    expect(response.status).toBe("completed");
    expect(response.model).toBe("gpt-4.1");
    expect(response.output_text).toContain("When was Microsoft founded?");
    expect(response.metadata).toEqual({ app: "test" });
    expect(response._response.requestId).toBeTruthy();
    const dated = emulatorResponses({ apiVersion: "2025-04-01-preview" }).responses;
    const again = await dated.create({ input: "Hi" });
    expect(again.output_text).toContain("Hi");
  });

  it("sends the deployment as model, and refuses a different model before sending", async () => {
    const { responses } = emulatorResponses({}, "gpt-4.1", {}, own.url);
    own.clearRequests();
    await responses.create({ input: "x" });
    expect(own.requests.at(-1)).toMatchObject({
      path: "/openai/v1/responses",
      body: { model: "gpt-4.1", input: "x" },
    });
    await expect(responses.create({ input: "x", model: "gpt-4o" })).rejects.toThrow(InvalidInputError);
    const dated = emulatorResponses({ apiVersion: "2025-04-01-preview" }, "gpt-4.1", {}, own.url).responses;
    await dated.create({ input: "x" });
    expect(own.requests.at(-1)).toMatchObject({
      path: "/openai/responses",
      query: { "api-version": "2025-04-01-preview" },
      body: { model: "gpt-4.1" },
    });
    expect(own.requests).toHaveLength(2);
  });

  it("refuses bad input before sending anything", async () => {
    const { responses } = emulatorResponses({}, "gpt-4.1", {}, own.url);
    own.clearRequests();
    const bad: [object, string][] = [
      [{ input: "x", background: true, store: false }, "background"],
      [{ input: "x", tools: [weather, weather] }, "tools[1].name"],
      [{ input: "x", tools: [{ type: "function", name: "f" }] }, "tools[0].parameters"],
      [{ input: "x", include: ["reasoning.everything"] }, "include[0]"],
      [
        {
          previous_response_id: "resp_1",
          store: false,
          input: [{ type: "reasoning", id: "rs_1", summary: [] }],
        },
        "input[0].id",
      ],
      [{ input: "x", tools: [{ type: "image_generation" }] }, "imageGenerationDeployment"],
      [
        {
          input: "x",
          tools: [
            { type: "mcp", server_label: "a", server_url: "https://a" },
            { type: "mcp", server_label: "a", server_url: "https://b" },
          ],
        },
        "tools[1].server_label",
      ],
    ];
    for (const [request, param] of bad) {
      const error = await responses.create(request as never).catch((e: unknown) => e);
      expect(error, param).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).param).toBe(param);
    }
    const dated = emulatorResponses({ apiVersion: "2025-04-01-preview" }, "gpt-4.1", {}, own.url).responses;
    await expect(dated.create({ input: "x", background: true })).rejects.toThrow(UnsupportedApiVersionError);
    await expect(dated.create({ input: "x", include: ["reasoning.encrypted_content"] })).rejects.toThrow(
      UnsupportedApiVersionError,
    );
    const old = emulatorResponses({ apiVersion: "2024-10-21" }, "gpt-4.1", {}, own.url).responses;
    await expect(old.create({ input: "x" })).rejects.toThrow(UnsupportedApiVersionError);
    expect(own.requests).toHaveLength(0);
    // With checks off, an include value newer than the SDK reaches the service (which judges it).
    const unchecked = emulatorResponses({ versionChecks: false }, "gpt-4.1", {}, own.url).responses;
    await expect(unchecked.create({ input: "x", include: ["future.value" as never] })).rejects.toThrow(
      APIError,
    );
    expect(own.requests).toHaveLength(1);
  });

  it("types function calls, refusals, reasoning and each hosted tool's items", async () => {
    const { responses } = emulatorResponses({}, "o4-mini", { imageGenerationDeployment: "gpt-image-1" });
    const docs = await indexedDocs({ lang: "en" });
    const response = await responses.create(
      {
        input: "Use everything",
        reasoning: { effort: "low", summary: "auto" },
        include: ["reasoning.encrypted_content", "file_search_call.results"],
        tools: [
          {
            type: "file_search",
            vector_store_ids: [docs.store],
            filters: { type: "eq", key: "lang", value: "en" },
          },
          { type: "code_interpreter", container: { type: "auto" } },
          { type: "image_generation", quality: "low" },
          {
            type: "mcp",
            server_label: "docs",
            server_url: "https://example.com/mcp",
            require_approval: "never",
            headers: { Authorization: "Bearer x" },
          },
          { type: "web_search_preview" },
        ],
      },
      scripted({
        reasoning: { summary: ["Plan"] },
        hosted_tools: ["file_search", "code_interpreter", "image_generation", "mcp", "web_search"],
        refusal: "No.",
      }),
    );
    const types = response.output.map((i) => i.type);
    expect(types).toEqual([
      "reasoning",
      "file_search_call",
      "code_interpreter_call",
      "image_generation_call",
      "mcp_list_tools",
      "mcp_call",
      "web_search_call",
      "message",
    ]);
    const [reasoning, search] = response.output;
    if (reasoning?.type !== "reasoning" || search?.type !== "file_search_call") throw new Error("shape");
    expect(reasoning.summary[0]?.text).toBe("Plan");
    expect(reasoning.encrypted_content).toMatch(/^gAAAAA/);
    expect(search.results?.[0]?.attributes).toEqual({ lang: "en" });
    expect(response.output_text).toBe("");
    const images = imagesOf(response);
    expect(images).toHaveLength(1);
    expect([...images[0]!.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it("sets the image deployment header from the client or the call", async () => {
    const { responses } = emulatorResponses(
      {},
      "gpt-4.1",
      { imageGenerationDeployment: "gpt-image-1" },
      own.url,
    );
    own.clearRequests();
    await responses.create({ input: "A cat", tools: [{ type: "image_generation" }] });
    await responses.create(
      { input: "A cat", tools: [{ type: "image_generation" }] },
      { imageGenerationDeployment: "img-2" },
    );
    expect(own.requests.map((r) => r.headers["x-ms-oai-image-generation-deployment"])).toEqual([
      "gpt-image-1",
      "img-2",
    ]);
  });
});

describe("stream", () => {
  it("hands over typed events with sequence numbers, textDeltas() and finalResponse()", async () => {
    const { responses } = emulatorResponses();
    const stream = await responses.stream({ input: "Stream this please" });
    expect(stream._response.requestId).toBeTruthy();
    let text = "";
    for await (const delta of stream.textDeltas()) text += delta;
    const final = await stream.finalResponse();
    expect(final.status).toBe("completed");
    expect(final.output_text).toBe(text);
    expect(text).toContain("Stream this please");
  });

  it("accumulates reasoning summaries and function call arguments from their deltas", async () => {
    const { responses } = emulatorResponses({}, "o4-mini");
    const stream = await responses.stream(
      { input: "x", reasoning: { summary: "detailed" }, tools: [weather] },
      scripted({
        reasoning: { summary: ["One two", "Three"] },
        function_calls: [{ name: "get_weather", arguments: { city: "Paris" } }],
      }),
    );
    const seen: ResponseStreamEvent[] = [];
    for await (const event of stream) seen.push(event);
    expect(seen.map((e) => e.sequence_number)).toEqual(seen.map((_, i) => i));
    const final = await stream.finalResponse();
    const call = final.output.find((i) => i.type === "function_call");
    expect(call).toMatchObject({ name: "get_weather", arguments: '{"city":"Paris"}' });
    expect(seen.filter((e) => e.type === "response.reasoning_summary_text.delta").length).toBeGreaterThan(1);
  });

  it("keeps what arrived when the loop is left early, and aborts the request", async () => {
    const { responses } = emulatorResponses();
    const stream = await responses.stream({ input: "one two three four five six seven" });
    let n = 0;
    for await (const event of stream) if (event.type === "response.output_text.delta" && ++n === 2) break;
    const partial = await stream.finalResponse();
    expect(partial.status).toBe("in_progress");
    expect(partial.output_text.length).toBeGreaterThan(0);
  });

  it("round-trips NDJSON through readResponseStream", async () => {
    const { responses } = emulatorResponses();
    const stream = await responses.stream({ input: "NDJSON" });
    const read = readResponseStream(stream.toReadableStream());
    const final = await read.finalResponse();
    expect(final.output_text).toContain("NDJSON");
  });

  it("throws the typed error on a dropped stream that is not a background one", async () => {
    const { responses } = emulatorResponses();
    const stream = await responses.stream(
      { input: "x" },
      fault({ kind: "reset-mid-stream", after_chunks: 3 }),
    );
    await expect(stream.finalResponse()).rejects.toThrow();
  });

  it("passes an event type it does not know through, as it came", async () => {
    const events = [
      {
        type: "response.created",
        sequence_number: 0,
        response: { id: "resp_1", object: "response", status: "in_progress", output: [] },
      },
      { type: "response.azure_new_thing", sequence_number: 1, detail: { a: 1 } },
      {
        type: "response.completed",
        sequence_number: 2,
        response: { id: "resp_1", object: "response", status: "completed", output: [] },
      },
    ];
    const body = new Blob(events.map((e) => `${JSON.stringify(e)}\n`)).stream();
    const seen: unknown[] = [];
    for await (const event of readResponseStream(body)) seen.push(event);
    expect(seen).toEqual(events);
  });
});

describe("stored responses", () => {
  it("retrieves (with include), lists input items across pages, deletes", async () => {
    const { responses } = emulatorResponses({}, "o4-mini");
    const created = await responses.create({
      input: [
        { role: "user", content: "a" },
        { role: "user", content: "b" },
        { role: "user", content: "c" },
      ],
    });
    const got = await responses.retrieve(created.id);
    expect(got.id).toBe(created.id);
    expect(got.output_text).toBe(created.output_text);
    const withReasoning = await responses.retrieve(created.id, { include: ["reasoning.encrypted_content"] });
    const reasoning = withReasoning.output.find((i) => i.type === "reasoning");
    expect(reasoning && "encrypted_content" in reasoning && reasoning.encrypted_content).toMatch(/^gAAAAA/);
    const first = await listInputItems(responses, created.id, { limit: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.has_more).toBe(true);
    const all = [];
    for await (const item of listInputItems(responses, created.id, { limit: 2, order: "asc" }))
      all.push(item);
    expect(all.map((i) => ("content" in i ? (i.content as { text: string }[])[0]!.text : ""))).toEqual([
      "a",
      "b",
      "c",
    ]);
    const deleted = await responses.delete(created.id);
    expect(deleted).toMatchObject({ id: created.id, deleted: true });
    await expect(responses.retrieve(created.id)).rejects.toMatchObject({ status: 404 });
  });

  it("compacts a conversation on the v1 API, and refuses to on a dated version before sending", async () => {
    const { responses } = emulatorResponses();
    const first = await responses.create({ input: "A long talk" });
    const compacted = await compactResponse(responses, { previous_response_id: first.id });
    expect(compacted.object).toBe("response.compaction");
    expect(compacted.output[0]).toMatchObject({
      type: "compaction",
      encrypted_content: expect.stringMatching(/^gAAAAA/),
    });
    const dated = emulatorResponses({ apiVersion: "2025-04-01-preview" }).responses;
    await expect(compactResponse(dated, { input: "x" })).rejects.toBeInstanceOf(UnsupportedApiVersionError);
    await expect(dated.cancel("resp_1")).rejects.toBeInstanceOf(UnsupportedApiVersionError);
  });

  it("continues a stored conversation with previous_response_id", async () => {
    const { responses } = emulatorResponses();
    const first = await responses.create({ input: "My name is Ada." });
    const second = await responses.create({ input: "What is my name?", previous_response_id: first.id });
    expect(second.output_text).toContain("turn 2");
    expect(second.previous_response_id).toBe(first.id);
  });

  it("takes stateless turns: store false with encrypted reasoning, replayed without ids", async () => {
    const { responses } = emulatorResponses({}, "o4-mini");
    const request = { store: false, include: ["reasoning.encrypted_content" as const] };
    const first = await responses.create({ ...request, input: "Hi" });
    expect(first.store).toBe(false);
    // Replayed as it came, the reasoning item's id names nothing stored: Azure's 400.
    const replayed = await responses
      .create({
        ...request,
        input: [{ role: "user", content: "Hi" }, ...first.output, { role: "user", content: "More" }],
      })
      .catch((e: unknown) => e);
    expect(replayed).toBeInstanceOf(APIError);
    expect((replayed as APIError).message).toMatch(/Item with id 'rs_\w+' not found/);
    const next = toInputItems(first);
    expect(next.every((item) => !("id" in item))).toBe(true);
    expect(next.find((item) => item.type === "reasoning")).toMatchObject({
      encrypted_content: expect.stringMatching(/^gAAAAA/),
    });
    const second = await responses.create({
      ...request,
      input: [{ role: "user", content: "Hi" }, ...next, { role: "user", content: "More" }],
    });
    expect(second.output_text).toContain("turn 2");
    // Items of a stored response keep their ids: they name stored items.
    const stored = await responses.create({ input: "Stored" });
    expect(toInputItems(stored)[0]).toHaveProperty("id", stored.output[0]!.id);
  });
});

describe("background", () => {
  const slow = (scale: number) => ({ headers: { "x-aoai-emulator-time-scale": String(scale) } });

  it("creates a queued response and waits for it", async () => {
    const { responses } = emulatorResponses();
    const queued = await responses.create({ input: "Later", background: true }, slow(0.1));
    expect(queued.status).toBe("queued");
    const done = await waitForResponse(responses, queued.id, { pollInterval: 20 });
    expect(done.status).toBe("completed");
    expect(done.output_text).toContain("Later");
  });

  it("cancels a running background response", async () => {
    const { responses } = emulatorResponses();
    const queued = await responses.create({ input: "Long", background: true }, slow(100));
    const cancelled = await responses.cancel(queued.id);
    expect(cancelled.status).toBe("cancelled");
    expect((await waitForResponse(responses, queued.id)).status).toBe("cancelled");
  });

  it("resumes a dropped background stream from the last sequence number: nothing lost or repeated", async () => {
    const { responses } = emulatorResponses({}, "gpt-4.1", {}, own.url);
    own.clearRequests();
    const plain = await responses.stream({
      input: "Resume me across a dropped connection",
      background: true,
    });
    const expected: ResponseStreamEvent[] = [];
    for await (const event of plain) expected.push(event);
    // Both the first stream and the first reconnect are cut after 5 frames.
    own.faults.push({ kind: "reset-mid-stream", after_chunks: 5, operation: "responses" });
    own.faults.push({ kind: "reset-mid-stream", after_chunks: 5, operation: "responses/{response_id}" });
    const resumed: number[] = [];
    const stream = await responses.stream(
      { input: "Resume me across a dropped connection", background: true },
      { onResume: (after) => resumed.push(after) },
    );
    const seen: ResponseStreamEvent[] = [];
    for await (const event of stream) seen.push(event);
    expect(seen.map((e) => e.sequence_number)).toEqual(expected.map((e) => e.sequence_number));
    expect(seen.map((e) => e.type)).toEqual(expected.map((e) => e.type));
    const final = await stream.finalResponse();
    expect(final.output_text).toBe(
      'You said: "Resume me across a dropped connection". This is a deterministic reply from the Azure OpenAI emulator.',
    );
    const resumes = own.requests.filter((r) => r.method === "GET");
    expect(resumes.map((r) => r.query.starting_after)).toEqual(["4", "9"]);
    expect(resumed).toEqual([4, 9]);
  });

  it("resumes as often as the connection drops while each reconnect brings new events", async () => {
    const { responses } = emulatorResponses({}, "gpt-4.1", {}, own.url);
    own.clearRequests();
    // Every request of this call, the first and each reconnect, is cut after 3 events.
    const drops = fault({ kind: "reset-mid-stream", after_chunks: 3, id: `many-${Date.now()}` });
    const resumed: number[] = [];
    const stream = await responses.stream(
      { input: "one two three four five six seven eight", background: true },
      { ...drops, onResume: (after) => resumed.push(after) },
    );
    const numbers: number[] = [];
    for await (const event of stream) numbers.push(event.sequence_number);
    expect(numbers).toEqual(numbers.map((_, i) => i));
    expect(resumed.length).toBeGreaterThan(3);
    expect((await stream.finalResponse()).status).toBe("completed");
  });

  it("does not resume an error the service sends in the stream", async () => {
    const { responses: failing } = emulatorResponses();
    const errored = await failing.stream(
      { input: "x", background: true },
      fault({ kind: "sse-error", after_chunks: 4 }),
    );
    await expect(errored.finalResponse()).rejects.toBeInstanceOf(APIError);
  });

  it("does not resume with resume: false", async () => {
    const { responses } = emulatorResponses();
    const stream = await responses.stream(
      { input: "x", background: true },
      { ...fault({ kind: "reset-mid-stream", after_chunks: 4 }), resume: false },
    );
    await expect(stream.finalResponse()).rejects.toThrow();
  });

  it("streams a stored background response from starting_after", async () => {
    const { responses } = emulatorResponses();
    const created = await responses.create({ input: "Replay", background: true }, slow(0));
    const stream = await responses.retrieveStream(created.id, { starting_after: 2 });
    const seen: ResponseStreamEvent[] = [];
    for await (const event of stream) seen.push(event);
    expect(seen[0]?.sequence_number).toBe(3);
    expect((await stream.finalResponse()).output_text).toContain("Replay");
  });
});

describe("hosted tools and endings", () => {
  it("asks for MCP approval, and calls the tool once approved", async () => {
    const { responses } = emulatorResponses();
    const mcp = { type: "mcp" as const, server_label: "docs", server_url: "https://example.com/mcp" };
    const asked = await responses.create({ input: "Search the docs", tools: [mcp] });
    const request = asked.output.find((i) => i.type === "mcp_approval_request");
    if (request?.type !== "mcp_approval_request") throw new Error("no approval request");
    expect(request.server_label).toBe("docs");
    const approved = await responses.create({
      previous_response_id: asked.id,
      tools: [mcp],
      input: [{ type: "mcp_approval_response", approval_request_id: request.id, approve: true }],
    });
    expect(approved.output.map((i) => i.type)).toEqual(["mcp_call", "message"]);
  });

  it("ends with response.failed or response.incomplete as the final response's status", async () => {
    const { responses } = emulatorResponses();
    const failed = await responses.stream({ input: "x" }, scripted({ status: "failed" }));
    expect(await failed.finalResponse()).toMatchObject({ status: "failed", error: { code: "server_error" } });
    const cut = await responses.stream({ input: "one two three four five", max_output_tokens: 2 });
    expect(await cut.finalResponse()).toMatchObject({
      status: "incomplete",
      incomplete_details: { reason: "max_output_tokens" },
    });
  });

  it("throws an error event in the stream as core's typed APIError", async () => {
    const { responses } = emulatorResponses();
    const stream = await responses.stream({ input: "x" }, fault({ kind: "sse-error", after_chunks: 3 }));
    const error = await stream.finalResponse().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBe(500);
  });

  it("hands over an unknown event type from the wire, as it came", async () => {
    const { createServer } = await import("node:http");
    const frames = [
      {
        type: "response.created",
        sequence_number: 0,
        response: { id: "r", object: "response", status: "in_progress", output: [] },
      },
      { type: "response.azure_new_thing", sequence_number: 1, detail: { a: 1 } },
      {
        type: "response.completed",
        sequence_number: 2,
        response: { id: "r", object: "response", status: "completed", output: [] },
      },
    ];
    const server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end(frames.map((f) => `event: ${f.type}\ndata: ${JSON.stringify(f)}\n\n`).join(""));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as { port: number };
      const { responses } = emulatorResponses({}, "gpt-4.1", {}, `http://127.0.0.1:${port}`);
      const seen: unknown[] = [];
      for await (const event of await responses.stream({ input: "x" })) seen.push(event);
      expect(seen).toEqual(frames);
    } finally {
      server.close();
    }
  });
});

describe("errors", () => {
  it("throws the service's typed error for an unknown previous_response_id", async () => {
    const { responses } = emulatorResponses();
    const error = await responses
      .create({ input: "x", previous_response_id: "resp_missing" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBe(400);
  });

  it("aborts a create with the caller's signal", async () => {
    const { responses } = emulatorResponses();
    const controller = new AbortController();
    controller.abort();
    await expect(responses.create({ input: "x" }, { signal: controller.signal })).rejects.toMatchObject({
      name: "APIUserAbortError",
    });
  });

  it("shows the emulator URL is loopback", () => {
    expect(inject("emulatorUrl")).toMatch(/^http:\/\/127\.0\.0\.1:/);
  });
});
