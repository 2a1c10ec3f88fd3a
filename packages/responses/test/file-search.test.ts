import { NotFoundError } from "@aoai/core";
import { beforeAll, describe, expect, it } from "vitest";
import type { ResponseStreamEvent } from "../src/index.js";
import { emulatorResponses, indexedDocs } from "./helpers.js";

// The file_search tool over vector stores filled with @aoai/vector-stores: the emulator searches
// them as `vector_stores/{id}/search` does and answers with citations of what it found.
describe("file_search over vector stores", () => {
  let docs: Awaited<ReturnType<typeof indexedDocs>>;
  beforeAll(async () => {
    docs = await indexedDocs({ lang: "en" });
  });
  const routes = {
    v1: () => emulatorResponses().responses,
    "2025-04-01-preview": () => emulatorResponses({ apiVersion: "2025-04-01-preview" }).responses,
  };

  for (const [route, responses] of Object.entries(routes))
    it(`answers from the file that matches, citing it (${route})`, async () => {
      for (const [question, file, passage] of [
        ["How long is green tea steeped?", "tea.md", "Green tea is steeped at 80 degrees for two minutes."],
        ["Why do cats purr?", "cats.md", "Cats purr and sleep most of the day."],
      ] as const) {
        const response = await responses().create({
          input: question,
          tools: [{ type: "file_search", vector_store_ids: [docs.store], max_num_results: 2 }],
          include: ["file_search_call.results"],
        });
        const [search, message] = response.output;
        if (search?.type !== "file_search_call" || message?.type !== "message") throw new Error("shape");
        expect(search.queries).toEqual([question]);
        expect(search.results?.map((r) => r.filename)[0]).toBe(file);
        expect(search.results?.[0]?.file_id).toBe(docs.ids[file]);
        expect(search.results?.[0]?.attributes).toEqual({ lang: "en" });
        expect(response.output_text).toContain(passage);
        const part = message.content[0];
        if (part?.type !== "output_text") throw new Error("text");
        expect(part.annotations[0]).toEqual({
          type: "file_citation",
          index: part.text.indexOf(passage) + passage.length,
          file_id: docs.ids[file],
          filename: file,
        });
      }
    });

  it("keeps to the files its filters pass, and leaves results out unless included", async () => {
    const response = await routes.v1().create({
      input: "How long is green tea steeped?",
      tools: [
        {
          type: "file_search",
          vector_store_ids: [docs.store],
          filters: { type: "eq", key: "lang", value: "fr" },
        },
      ],
    });
    const [search, message] = response.output;
    if (search?.type !== "file_search_call" || message?.type !== "message") throw new Error("shape");
    expect(search.results).toBeNull();
    expect(response.output_text).toContain("say nothing about");
    expect(message.content[0]).toMatchObject({ annotations: [] });
  });

  it("streams the search, then the cited answer", async () => {
    const stream = await routes.v1().stream({
      input: "Why do cats purr?",
      tools: [{ type: "file_search", vector_store_ids: [docs.store] }],
    });
    const events: ResponseStreamEvent[] = [];
    for await (const event of stream) events.push(event);
    const types = events.map((e) => e.type);
    const at = (type: string) => types.indexOf(type as ResponseStreamEvent["type"]);
    expect(at("response.file_search_call.in_progress")).toBeGreaterThan(0);
    expect(at("response.file_search_call.searching")).toBe(at("response.file_search_call.in_progress") + 1);
    expect(at("response.file_search_call.completed")).toBe(at("response.file_search_call.searching") + 1);
    const added = events.find((e) => e.type === "response.output_text.annotation.added");
    expect(added && "annotation" in added && added.annotation).toMatchObject({
      type: "file_citation",
      file_id: docs.ids["cats.md"],
    });
    expect(at("response.output_text.annotation.added")).toBeLessThan(at("response.output_text.done"));
    const final = await stream.finalResponse();
    expect(final.output_text).toContain("Cats purr");
    const message = final.output.find((i) => i.type === "message");
    expect(message?.type === "message" && message.content[0]).toMatchObject({
      annotations: [{ type: "file_citation", filename: "cats.md" }],
    });
  });

  it("an unknown vector store is a NotFoundError naming it", async () => {
    const error = await routes
      .v1()
      .create({ input: "x", tools: [{ type: "file_search", vector_store_ids: ["vs_missing"] }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toContain("Vector store with id 'vs_missing' not found.");
  });
});
