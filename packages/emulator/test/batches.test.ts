import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator, TIME_SCALE_HEADER } from "../src/index.js";
import type { Wire } from "./helpers.js";
import { chatLines, resourceCaller, uploadForm } from "./resource-helpers.js";

const ORDER = ["validating", "in_progress", "finalizing", "completed"];
const jsonl = (text: string): Wire[] =>
  text
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));

describe("batches", () => {
  let emulator: Emulator;
  let call: ReturnType<typeof resourceCaller>["call"];
  const upload = async (content: string, headers: Record<string, string> = {}) =>
    (await call("POST", "files", { body: uploadForm(content, "batch"), headers })).json.id as string;
  const create = (
    input_file_id: string,
    extra: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) =>
    call("POST", "batches", {
      body: { input_file_id, endpoint: "/chat/completions", completion_window: "24h", ...extra },
      headers,
    });
  const settle = async (id: string) => {
    for (let i = 0; i < 200; i++) {
      const got = await call("GET", `batches/${id}`);
      if (["completed", "failed", "cancelled", "expired"].includes(got.json.status)) return got.json;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error("the batch did not finish");
  };
  beforeAll(async () => {
    emulator = await startEmulator({ timeScale: 0 });
    call = resourceCaller(emulator.url).call;
  });
  afterAll(() => emulator.close());

  it("moves through its statuses in order and writes the output file by custom_id", async () => {
    const file = await upload(chatLines(40));
    const created = await create(file, { metadata: { team: "a" } }, { [TIME_SCALE_HEADER]: "0.1" });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({
      object: "batch",
      endpoint: "/chat/completions",
      status: "validating",
      input_file_id: file,
      completion_window: "24h",
      metadata: { team: "a" },
      request_counts: { total: 0, completed: 0, failed: 0 },
      output_file_id: null,
    });
    expect(created.json.expires_at - created.json.created_at).toBe(86_400);
    const seen: string[] = [];
    let last: Wire;
    let completed = 0;
    for (let i = 0; i < 500; i++) {
      last = (await call("GET", `batches/${created.json.id}`)).json;
      if (seen.at(-1) !== last.status) seen.push(last.status);
      expect(last.request_counts.completed).toBeGreaterThanOrEqual(completed);
      completed = last.request_counts.completed;
      if (last.status === "completed") break;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(seen.at(-1)).toBe("completed");
    expect(seen.map((s) => ORDER.indexOf(s))).toEqual([...seen.map((s) => ORDER.indexOf(s))].sort());
    expect(last.request_counts).toEqual({ total: 40, completed: 40, failed: 0 });
    expect(last.error_file_id).toBeNull();
    for (const at of ["in_progress_at", "finalizing_at", "completed_at"])
      expect(last[at]).toBeTypeOf("number");
    const output = jsonl((await call("GET", `files/${last.output_file_id}/content`)).text);
    expect(output.map((l) => l.custom_id)).toEqual(Array.from({ length: 40 }, (_, i) => `task-${i}`));
    expect(output[3].response.status_code).toBe(200);
    expect(output[3].response.body.object).toBe("chat.completion");
    expect(output[3].response.body.choices[0].message.content).toContain("Question 3?");
    expect(output[3].error).toBeNull();
    const outFile = (await call("GET", `files/${last.output_file_id}`)).json;
    expect(outFile).toMatchObject({ purpose: "batch_output", status: "processed" });
  });

  it("puts malformed and refused lines in the error file and goes on", async () => {
    const lines = [
      chatLines(1).trim(),
      "{not json",
      JSON.stringify({
        custom_id: "no-model",
        method: "POST",
        url: "/chat/completions",
        body: { messages: [] },
      }),
      JSON.stringify({
        custom_id: "bad-url",
        method: "POST",
        url: "/embeddings",
        body: { model: "m", input: "x" },
      }),
      JSON.stringify({
        custom_id: "empty",
        method: "POST",
        url: "/v1/chat/completions",
        body: { model: "gpt-4o-batch", messages: [] },
      }),
    ];
    const batch = await settle((await create(await upload(`${lines.join("\n")}\n`))).json.id);
    expect(batch.status).toBe("completed");
    expect(batch.request_counts).toEqual({ total: 5, completed: 1, failed: 4 });
    const errors = jsonl((await call("GET", `files/${batch.error_file_id}/content`)).text);
    expect(errors.map((e) => e.custom_id)).toEqual([null, "no-model", "bad-url", "empty"]);
    expect(errors[0]).toMatchObject({ response: null, error: { code: "invalid_json_line" } });
    expect(errors[1].response).toMatchObject({ status_code: 400, body: { error: { param: "model" } } });
    expect(errors[2].error.code).toBe("invalid_url");
    expect(errors[3].response.status_code).toBe(400);
    expect(errors[3].response.body.error.param).toBe("messages");
  });

  it("runs embeddings lines", async () => {
    const line = JSON.stringify({
      custom_id: "e-1",
      method: "POST",
      url: "/embeddings",
      body: { model: "text-embedding-3-small", input: "hello", dimensions: 8 },
    });
    const created = await create(await upload(`${line}\n`), { endpoint: "/embeddings" });
    const batch = await settle(created.json.id);
    const [out] = jsonl((await call("GET", `files/${batch.output_file_id}/content`)).text);
    expect(out.response.body.data[0].embedding).toHaveLength(8);
  });

  it("fails validation for a repeated custom_id, with the line", async () => {
    const batch = await settle((await create(await upload(chatLines(2) + chatLines(1)))).json.id);
    expect(batch.status).toBe("failed");
    expect(batch.errors).toEqual({
      object: "list",
      data: [
        {
          code: "duplicate_custom_id",
          message: "The custom_id 'task-0' appears more than once.",
          param: "custom_id",
          line: 3,
        },
      ],
    });
    expect(batch.failed_at).toBeTypeOf("number");
  });

  it("cancels a running batch, and refuses to cancel a finished one", async () => {
    const created = await create(await upload(chatLines(3)), {}, { [TIME_SCALE_HEADER]: "1000" });
    const cancelling = await call("POST", `batches/${created.json.id}/cancel`);
    expect(cancelling.json.status).toBe("cancelling");
    expect(cancelling.json.cancelling_at).toBeTypeOf("number");
    const done = await settle((await create(await upload(chatLines(1)))).json.id);
    const refused = await call("POST", `batches/${done.id}/cancel`);
    expect([refused.status, refused.json.error.code]).toEqual([400, "unexpectedEntityState"]);
    expect((await call("GET", `batches/${created.json.id}/cancel`)).status).toBe(405);
  });

  it("refuses bad create requests", async () => {
    const file = await upload(chatLines(1));
    const pending = await upload(chatLines(1), { [TIME_SCALE_HEADER]: "1000" });
    const tuning = (await call("POST", "files", { body: uploadForm("x\n", "fine-tune") })).json.id;
    const cases: [Record<string, unknown>, string][] = [
      [{ input_file_id: file, endpoint: "/completions", completion_window: "24h" }, "endpoint"],
      [{ input_file_id: file, endpoint: "/chat/completions", completion_window: "1h" }, "completion_window"],
      [{ endpoint: "/chat/completions", completion_window: "24h" }, "input_file_id"],
      [{ input_file_id: pending, endpoint: "/chat/completions", completion_window: "24h" }, "input_file_id"],
      [{ input_file_id: tuning, endpoint: "/chat/completions", completion_window: "24h" }, "input_file_id"],
      [
        { input_file_id: file, endpoint: "/chat/completions", completion_window: "24h", metadata: { a: 1 } },
        "metadata",
      ],
      [
        {
          input_blob: "https://x.blob.core.windows.net/c/in.jsonl",
          endpoint: "/chat/completions",
          completion_window: "24h",
        },
        "input_blob",
      ],
    ];
    for (const [body, param] of cases) {
      const r = await call("POST", "batches", { body });
      expect([r.status, r.json.error.param], JSON.stringify(body)).toEqual([400, param]);
    }
    expect((await create("file-missing")).status).toBe(404);
  });

  it("lists batches newest first, in pages", async () => {
    const fresh = await startEmulator({ timeScale: 0 });
    const c = resourceCaller(fresh.url).call;
    const file = (await c("POST", "files", { body: uploadForm(chatLines(1), "batch") })).json.id;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(
        (
          await c("POST", "batches", {
            body: { input_file_id: file, endpoint: "/chat/completions", completion_window: "24h" },
          })
        ).json.id,
      );
    const page = await c("GET", "batches", { query: "limit=2" });
    expect(page.json.data.map((b: Wire) => b.id)).toEqual([ids[2], ids[1]]);
    expect(page.json.has_more).toBe(true);
    const next = await c("GET", "batches", { query: `limit=2&after=${page.json.last_id}` });
    expect(next.json.data.map((b: Wire) => b.id)).toEqual([ids[0]]);
    expect(next.json.has_more).toBe(false);
    await fresh.close();
  });
});
