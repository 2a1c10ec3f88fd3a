import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../src/index.js";
import type { Wire } from "./helpers.js";
import { resourceCaller, uploadForm } from "./resource-helpers.js";

const DOCS: Record<string, [string, Record<string, string>]> = {
  "cats.md": ["# Cats\nCats purr and sleep most of the day. A cat likes warm windows.", { topic: "pets" }],
  "tea.md": ["# Tea\nGreen tea is steeped at 80 degrees for two minutes.", { topic: "food" }],
  "rust.md": ["# Rust\nThe Rust compiler checks ownership and borrowing.", { topic: "code" }],
};

describe("responses: the file_search tool searches vector stores", () => {
  let emulator: Emulator;
  let call: ReturnType<typeof resourceCaller>["call"];
  let store: string;
  const ids: Record<string, string> = {};
  const respond = (body: Record<string, unknown>, route: "v1" | "dated" = "v1") =>
    resourceCaller(emulator.url, route === "v1" ? "v1" : "2025-04-01-preview").call("POST", "responses", {
      body: { model: "gpt-4.1", ...body },
    });
  const tool = (extra: Record<string, unknown> = {}) => ({
    type: "file_search",
    vector_store_ids: [store],
    ...extra,
  });

  beforeAll(async () => {
    emulator = await startEmulator({ timeScale: 0 });
    call = resourceCaller(emulator.url, "v1").call;
    store = (await call("POST", "vector_stores", { body: { name: "docs" } })).json.id;
    for (const [name, [text, attributes]] of Object.entries(DOCS)) {
      const form = uploadForm("", "assistants", name);
      form.set("file", new Blob([text]), name);
      ids[name] = (await call("POST", "files", { body: form })).json.id;
      await call("POST", `vector_stores/${store}/files`, { body: { file_id: ids[name], attributes } });
    }
  });
  afterAll(() => emulator.close());

  it("answers from the best chunk, citing its file, with results when included (v1 and dated)", async () => {
    for (const route of ["v1", "dated"] as const) {
      const { status, json } = await respond(
        {
          input: "How long is green tea steeped?",
          tools: [tool({ max_num_results: 2 })],
          include: ["file_search_call.results"],
        },
        route,
      );
      expect(status, route).toBe(200);
      const [searched, message] = json.output as Wire[];
      expect(searched).toMatchObject({
        type: "file_search_call",
        status: "completed",
        queries: ["How long is green tea steeped?"],
      });
      expect(searched.results).toHaveLength(2);
      expect(searched.results[0]).toMatchObject({ file_id: ids["tea.md"], filename: "tea.md" });
      expect(searched.results[0].text).toContain("Green tea is steeped");
      const part = message.content[0];
      expect(part.text).toContain("Green tea is steeped at 80 degrees for two minutes.");
      expect(part.annotations[0]).toEqual({
        type: "file_citation",
        index: part.text.indexOf("two minutes.") + "two minutes.".length,
        file_id: ids["tea.md"],
        filename: "tea.md",
      });
    }
    const plain = await respond({ input: "tea", tools: [tool()] });
    expect(plain.json.output[0].results).toBeNull();
  });

  it("applies filters and score thresholds as search does", async () => {
    const filtered = await respond({
      input: "green tea",
      tools: [tool({ filters: { type: "eq", key: "topic", value: "pets" } })],
      include: ["file_search_call.results"],
    });
    expect(filtered.json.output[0].results.map((r: Wire) => r.filename)).toEqual(["cats.md"]);
    const none = await respond({
      input: "quantum chromodynamics",
      tools: [tool({ ranking_options: { score_threshold: 0.99 } })],
      include: ["file_search_call.results"],
    });
    expect(none.json.output[0].results).toEqual([]);
    expect(none.json.output[1].content[0]).toMatchObject({ annotations: [] });
    expect(none.json.output[1].content[0].text).toContain("say nothing about");
  });

  it("streams the search's progress, then the text and its annotations", async () => {
    const res = await fetch(`${emulator.url}/openai/v1/responses`, {
      method: "POST",
      headers: { "api-key": "emulator-key", "content-type": "application/json" },
      body: JSON.stringify({ model: "gpt-4.1", input: "Why do cats purr?", tools: [tool()], stream: true }),
    });
    const events = (await res.text())
      .split("\n\n")
      .filter(Boolean)
      .map((frame) => JSON.parse(frame.split("\n")[1]!.slice(6)) as Wire);
    const types = events.map((e) => e.type as string).filter((t) => !t.endsWith(".delta"));
    expect(types).toEqual([
      "response.created",
      "response.in_progress",
      "response.output_item.added",
      "response.file_search_call.in_progress",
      "response.file_search_call.searching",
      "response.file_search_call.completed",
      "response.output_item.done",
      "response.output_item.added",
      "response.content_part.added",
      ...events
        .filter((e) => e.type === "response.output_text.annotation.added")
        .map(() => expect.anything()),
      "response.output_text.done",
      "response.content_part.done",
      "response.output_item.done",
      "response.completed",
    ]);
    const added = events.find((e) => e.type === "response.output_text.annotation.added")!;
    expect(added).toMatchObject({ annotation_index: 0, annotation: { file_id: ids["cats.md"] } });
    expect(added.annotation.type).toBe("file_citation");
  });

  it("refuses unknown stores (404) and bad options (400 naming the tool's field)", async () => {
    const unknown = await respond({
      input: "x",
      tools: [{ type: "file_search", vector_store_ids: ["vs_nope"] }],
    });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toMatchObject({
      message: "Vector store with id 'vs_nope' not found.",
      param: "tools[0].vector_store_ids",
      type: "invalid_request_error",
    });
    const cases: [Record<string, unknown>, string][] = [
      [{ type: "file_search" }, "tools[0].vector_store_ids"],
      [tool({ max_num_results: 51 }), "tools[0].max_num_results"],
      [tool({ ranking_options: { score_threshold: 2 } }), "tools[0].ranking_options.score_threshold"],
      [
        tool({ filters: { type: "and", filters: [{ type: "like", key: "a", value: 1 }] } }),
        "tools[0].filters.filters[0].type",
      ],
    ];
    for (const [bad, param] of cases) {
      const { status, json } = await respond({ input: "x", tools: [bad] });
      expect(status, param).toBe(400);
      expect(json.error.param).toBe(param);
      expect(json.error.type).toBe("invalid_request_error");
    }
  });
});
