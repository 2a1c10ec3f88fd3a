import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadSpec, requestSchema, type SpecVersion, schemaProperties } from "../test-utils/specs.js";
import { deriveSpec, readme } from "./derive-specs.mjs";

const VERSIONS: SpecVersion[] = ["2024-10-21", "2025-04-01-preview"];
const DOC_KEYS = ["description", "summary", "title", "example", "examples", "x-ms-examples"];
const CHAT = "/deployments/{deployment-id}/chat/completions";

/** Every object in the document with the key that leads to it (`[]` for array items). */
function* objects(value: unknown, key = ""): Generator<[string, Record<string, unknown>]> {
  if (Array.isArray(value)) for (const item of value) yield* objects(item, "[]");
  else if (value && typeof value === "object") {
    yield [key, value as Record<string, unknown>];
    for (const [k, child] of Object.entries(value)) yield* objects(child, k);
  }
}

describe.each(VERSIONS)("committed spec copy %s", (version) => {
  const spec = loadSpec(version);

  it("keeps documentation keys only where they are names or required by OpenAPI", () => {
    const left: string[] = [];
    for (const [parent, node] of objects(spec)) {
      // Under `properties` the keys are property names (a schema may have a `description` field).
      if (parent === "properties") continue;
      for (const key of DOC_KEYS.filter((k) => k in node)) left.push(`${parent} > ${key}`);
    }
    // What OpenAPI requires: info.title, and each Response Object's description (status code parent).
    const allowed = (s: string) => s === "info > title" || /^(\d{3}|default) > description$/.test(s);
    expect(left.filter((s) => !allowed(s))).toEqual([]);
  });

  it("has no `nullable` without `type` (Prism would skip validating the body)", () => {
    const untyped = [...objects(spec)].filter(
      ([parent, node]) => parent !== "properties" && "nullable" in node && !("type" in node),
    );
    expect(untyped.map(([parent]) => parent)).toEqual([]);
  });

  it("has every path under /openai/ (Prism ignores the servers base path)", () => {
    const paths = Object.keys(spec.paths);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((p) => !p.startsWith("/openai/"))).toEqual([]);
  });

  it("has no external $ref (Prism would try to read it)", () => {
    const refs = [...objects(spec)].map(([, node]) => node.$ref).filter((r) => typeof r === "string");
    expect(refs.filter((r) => !(r as string).startsWith("#/"))).toEqual([]);
  });
});

describe("facts other code relies on", () => {
  it("GA 2024-10-21: the chat request has no stream_options (chatCompletionStreamOptions is never referenced)", () => {
    const props = schemaProperties("2024-10-21", requestSchema("2024-10-21", CHAT));
    expect(props).toHaveProperty("messages");
    expect(props).not.toHaveProperty("stream_options");
    expect(loadSpec("2024-10-21").components.schemas).toHaveProperty("chatCompletionStreamOptions");
  });

  it("preview 2025-04-01-preview: the chat request has stream_options", () => {
    const props = schemaProperties("2025-04-01-preview", requestSchema("2025-04-01-preview", CHAT));
    expect(props).toHaveProperty("stream_options");
  });

  it("GA chat `parallel_tool_calls`, nullable without type upstream, became anyOf [..., null]", () => {
    const props = schemaProperties("2024-10-21", requestSchema("2024-10-21", CHAT));
    expect(props.parallel_tool_calls).toEqual({
      anyOf: [{ $ref: "#/components/schemas/ParallelToolCalls" }, { type: "null" }],
    });
  });
});

describe("deriveSpec", () => {
  it("drops documentation keywords but keeps properties named like them, and data values", () => {
    const out = deriveSpec({
      openapi: "3.0.0",
      info: { title: "T", description: "d", version: "1" },
      paths: {
        "/x": {
          post: {
            summary: "s",
            "x-ms-examples": { a: { $ref: "./examples/a.json" } },
            responses: { "200": { description: "OK", content: { "application/json": { example: {} } } } },
          },
        },
      },
      components: {
        schemas: {
          description: { type: "object", title: "t", default: { description: "kept: data" } },
          s: {
            type: "object",
            description: "gone",
            properties: { description: { type: "string", description: "gone" }, title: { type: "string" } },
          },
          n: { nullable: true, default: null, oneOf: [{ type: "string" }, { type: "array" }] },
        },
      },
    });
    expect(out).toEqual({
      openapi: "3.0.0",
      info: { title: "T", version: "1" },
      paths: {
        "/openai/x": {
          post: { responses: { "200": { description: "OK", content: { "application/json": {} } } } },
        },
      },
      components: {
        schemas: {
          description: { type: "object", default: { description: "kept: data" } },
          s: { type: "object", properties: { description: { type: "string" }, title: { type: "string" } } },
          n: { default: null, anyOf: [{ oneOf: [{ type: "string" }, { type: "array" }] }, { type: "null" }] },
        },
      },
    });
  });

  it("specs/README.md is what the script writes", () => {
    const committed = readFileSync(new URL("../specs/README.md", import.meta.url), "utf8");
    expect(committed).toBe(readme());
  });
});
