import { APIError } from "@aoai/core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { waitForPrism } from "../../../test-utils/prism.js";
import { listInputItems, type ResponseCreateRequest } from "../src/index.js";
import { CITY_FORMAT, cityTool, emulatorResponses, indexedDocs } from "./helpers.js";

// Requests of the dated preview route through a Prism validating proxy of the committed
// 2025-04-01-preview spec, to the emulator: Prism answers a request that violates the spec with a
// 4xx before forwarding it. The spec predates most of the v1 API, so these cannot be checked here
// (they are refused by this package's version gates on dated versions, or not in the spec at all):
// `background`, `include: ["reasoning.encrypted_content"]` and the newer include values, the
// code_interpreter, image_generation, mcp and web_search tools, `reasoning.summary: "auto"`
// (the spec has concise and detailed), reasoning items replayed without an `id` (the spec requires
// one), `max_tool_calls`, `safety_identifier`, `prompt_cache_key`, `service_tier`, `top_logprobs`,
// `text.verbosity`, `cancel` and `compact`.
const preview = inject("prismPreviewUrl");

const shapes: Record<string, ResponseCreateRequest> = {
  "text input": { input: "When was Microsoft founded?" },
  "messages with instructions, sampling, metadata": {
    input: [
      { role: "developer", content: "Answer briefly." },
      { role: "user", content: "Hi" },
    ],
    instructions: "Be kind.",
    temperature: 0.5,
    top_p: 0.9,
    max_output_tokens: 100,
    metadata: { app: "spec" },
    user: "user-1",
    truncation: "auto",
    store: true,
  },
  "function tool with tool_choice": {
    input: "Weather in Paris?",
    tools: [cityTool()],
    tool_choice: { type: "function", name: "get_weather" },
    parallel_tool_calls: false,
  },
  "structured output": {
    input: "A city",
    text: CITY_FORMAT,
  },
  "reasoning effort and a detailed summary": {
    input: "Think",
    reasoning: { effort: "low", summary: "detailed" },
  },
  "function call output replayed": {
    input: [
      { role: "user", content: "Weather?" },
      { type: "function_call_output", call_id: "call_1", output: '{"c":21}' },
    ],
  },
};

// A shape the spec cannot take, though the service does: its `input` items are a oneOf whose
// alternatives overlap, so a user message with content parts matches several and Prism reports
// "input.1 must match exactly one schema in oneOf".
const OVERLAPPING: Record<string, ResponseCreateRequest> = {
  "a message with content parts": {
    input: [
      { role: "developer", content: "Answer briefly." },
      { role: "user", content: [{ type: "input_text", text: "Hi" }] },
    ],
  },
};

describe("the dated preview route's requests validate against the 2025-04-01-preview spec (Prism)", () => {
  beforeAll(() => waitForPrism(preview), 90_000);
  const responses = () =>
    emulatorResponses({ apiVersion: "2025-04-01-preview" }, "gpt-4.1", {}, preview).responses;

  for (const [name, request] of Object.entries(shapes)) {
    it(`create(): ${name}`, async () => {
      const outcome = await responses()
        .create(request)
        .then(
          (r) => r.object,
          (e: unknown) => e,
        );
      // A request violation is a 4xx from Prism; a 5xx would be Prism finding the emulator's
      // answer off the spec, which the assertion shows too.
      expect(outcome).toBe("response");
    });
  }

  for (const [name, request] of Object.entries(OVERLAPPING)) {
    it(`create(): ${name} meets the spec's overlapping oneOf (a spec quirk)`, async () => {
      const error = await responses()
        .create(request)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(APIError);
      expect((error as APIError).status).toBe(422);
      expect((error as APIError).message).toContain("input.1 must match exactly one schema in oneOf");
    });
  }

  it("create(): file_search tool with include results, over a real store (results and citations)", async () => {
    const docs = await indexedDocs({ lang: "en" });
    const response = await responses().create({
      input: "How long is green tea steeped?",
      tools: [{ type: "file_search", vector_store_ids: [docs.store], max_num_results: 3 }],
      include: ["file_search_call.results"],
    });
    const [search, message] = response.output;
    expect(search).toMatchObject({ type: "file_search_call", results: [{ filename: "tea.md" }, {}, {}] });
    expect(message).toMatchObject({
      content: [{ annotations: [{ type: "file_citation", filename: "tea.md" }] }],
    });
  });

  it("retrieve, input items and delete pass", async () => {
    const r = responses();
    const created = await r.create({ input: "Keep" });
    expect((await r.retrieve(created.id, { include: ["file_search_call.results"] })).id).toBe(created.id);
    expect((await listInputItems(r, created.id, { limit: 1, order: "desc" })).object).toBe("list");
    expect((await r.delete(created.id)).deleted).toBe(true);
  });

  it("the check can fail: Prism rejects a request that violates the spec", async () => {
    // `truncation` is "auto" or "disabled" in the spec; this package leaves enums to the service.
    const error = await responses()
      .create({ input: "x", truncation: "sometimes" as never })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBeGreaterThanOrEqual(400);
    expect((error as APIError).status).toBeLessThan(500);
  });
});
