import { describe, expect, it } from "vitest";
import { paramOf } from "../../../test-utils/input-errors.js";
import { BATCH_LIMITS, type BatchInputOptions, buildBatchInput, encodeLines } from "./batch-input.js";
import type { BatchEndpoint } from "./request-types.js";

const chat = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    custom_id: `task-${i}`,
    body: { messages: [{ role: "user" as const, content: `Q${i}` }] },
  }));

describe("buildBatchInput", () => {
  it("writes one line per request with method, url and the deployment as model", async () => {
    const input = buildBatchInput({
      endpoint: "/chat/completions",
      deployment: "gpt-4o-batch",
      requests: chat(2),
    });
    expect(input).toMatchObject({ endpoint: "/chat/completions", lines: 2 });
    expect(input.file).toBeInstanceOf(File);
    expect((input.file as File).name).toBe("batch.jsonl");
    expect(input.file.type).toBe("application/jsonl");
    const text = await input.file.text();
    expect(input.bytes).toBe(new TextEncoder().encode(text).byteLength);
    expect(
      text
        .split("\n")
        .slice(0, -1)
        .map((l) => JSON.parse(l)),
    ).toEqual([
      {
        custom_id: "task-0",
        method: "POST",
        url: "/chat/completions",
        body: { messages: [{ role: "user", content: "Q0" }], model: "gpt-4o-batch" },
      },
      {
        custom_id: "task-1",
        method: "POST",
        url: "/chat/completions",
        body: { messages: [{ role: "user", content: "Q1" }], model: "gpt-4o-batch" },
      },
    ]);
    expect(text.endsWith("\n")).toBe(true);
  });

  it("takes embeddings bodies, any iterable, a file name and a body that already names the deployment", async () => {
    function* items() {
      yield { custom_id: "e", body: { input: ["a", "b"], dimensions: 8, model: "emb-batch" } };
    }
    const input = buildBatchInput({
      endpoint: "/embeddings",
      deployment: "emb-batch",
      requests: items(),
      filename: "e.jsonl",
    });
    expect((input.file as File).name).toBe("e.jsonl");
    expect(JSON.parse(await input.file.text())).toEqual({
      custom_id: "e",
      method: "POST",
      url: "/embeddings",
      body: { input: ["a", "b"], dimensions: 8, model: "emb-batch" },
    });
  });

  it("refuses what the service would, naming the request", () => {
    const build = (requests: unknown[], endpoint: string = "/chat/completions", deployment = "d") =>
      paramOf(() => buildBatchInput({ endpoint, deployment, requests } as BatchInputOptions<BatchEndpoint>));
    const msg = { messages: [{ role: "user", content: "x" }] };
    expect(build([])).toBe("requests");
    expect(build([{ custom_id: "a", body: msg }], "/completions")).toBe("endpoint");
    expect(build([{ custom_id: "a", body: msg }], "/chat/completions", "a/b")).toBe("deployment");
    expect(build([null])).toBe("requests[0]");
    expect(build([{ body: msg }])).toBe("requests[0].custom_id");
    expect(build([{ custom_id: "", body: msg }])).toBe("requests[0].custom_id");
    expect(
      build([
        { custom_id: "a", body: msg },
        { custom_id: "a", body: msg },
      ]),
    ).toBe("requests[1].custom_id");
    expect(build([{ custom_id: "a" }])).toBe("requests[0].body");
    expect(build([{ custom_id: "a", body: { ...msg, model: "other" } }])).toBe("requests[0].body.model");
    expect(build([{ custom_id: "a", body: { messages: [] } }])).toBe("requests[0].body.messages");
    expect(build([{ custom_id: "a", body: { messages: [{ role: "robot" }] } }])).toBe(
      "requests[0].body.messages[0].role",
    );
    expect(build([{ custom_id: "a", body: { ...msg, stream: true } }])).toBe("requests[0].body.stream");
    expect(build([{ custom_id: "a", body: { input: "" } }], "/embeddings")).toBe("requests[0].body.input");
    expect(build([{ custom_id: "a", body: { input: [] } }], "/embeddings")).toBe("requests[0].body.input");
    expect(
      paramOf(() => buildBatchInput({ endpoint: "/embeddings", deployment: "d", requests: 5 } as never)),
    ).toBe("requests");
    expect(paramOf(() => buildBatchInput(undefined as never))).toBe("options");
  });

  it("takes the v1 spelling of the endpoint", () => {
    const input = buildBatchInput({
      endpoint: "/v1/chat/completions" as "/chat/completions",
      deployment: "d",
      requests: chat(1),
    });
    expect(input.lines).toBe(1);
  });

  it("holds the service's limits: 50,000 requests and 200 MB", () => {
    expect(BATCH_LIMITS).toEqual({ lines: 50_000, bytes: 209_715_200 });
    const options = { endpoint: "/chat/completions" as const, deployment: "d", requests: chat(4) };
    expect(encodeLines(options, { lines: 4, bytes: 1e9 }).lines).toBe(4);
    expect(paramOf(() => encodeLines(options, { lines: 3, bytes: 1e9 }))).toBe("requests");
    const size = encodeLines(options, { lines: 4, bytes: 1e9 }).bytes;
    expect(encodeLines(options, { lines: 4, bytes: size }).bytes).toBe(size);
    expect(() => encodeLines(options, { lines: 4, bytes: size - 1 })).toThrow(/over \d+ bytes/);
  });

  it("stops at request 50,001 of the real limit without building the rest", () => {
    let made = 0;
    function* endless() {
      for (;;) {
        made++;
        yield { custom_id: `t${made}`, body: { messages: [{ role: "user" as const, content: "x" }] } };
      }
    }
    expect(
      paramOf(() => buildBatchInput({ endpoint: "/chat/completions", deployment: "d", requests: endless() })),
    ).toBe("requests");
    expect(made).toBe(50_001);
  });
});
