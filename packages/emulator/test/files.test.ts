import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator, TIME_SCALE_HEADER } from "../src/index.js";
import { resourceCaller, trainingLines, uploadForm } from "./resource-helpers.js";

describe("files", () => {
  let emulator: Emulator;
  let call: ReturnType<typeof resourceCaller>["call"];
  beforeAll(async () => {
    emulator = await startEmulator({ timeScale: 0, maxFileBytes: 4096 });
    call = resourceCaller(emulator.url).call;
  });
  afterAll(() => emulator.close());

  it("answers an upload 201 pending, then the file is processed", async () => {
    const up = await call("POST", "files", { body: uploadForm('{"a":1}\n', "batch", "in.jsonl") });
    expect(up.status).toBe(201);
    expect(up.json).toMatchObject({
      object: "file",
      purpose: "batch",
      filename: "in.jsonl",
      bytes: 8,
      status: "pending",
      status_details: null,
    });
    expect(up.json.id).toMatch(/^file-[0-9a-f]{32}$/);
    expect(up.json.created_at).toBeCloseTo(Date.now() / 1000, -1);
    const got = await call("GET", `files/${up.json.id}`);
    expect(got.json.status).toBe("processed");
    const content = await call("GET", `files/${up.json.id}/content`);
    expect(content.res.headers.get("content-type")).toBe("application/octet-stream");
    expect(content.text).toBe('{"a":1}\n');
  });

  it("keeps a file pending on its own time scale", async () => {
    const up = await call("POST", "files", {
      body: uploadForm("x\n", "batch"),
      headers: { [TIME_SCALE_HEADER]: "1000" },
    });
    expect((await call("GET", `files/${up.json.id}`)).json.status).toBe("pending");
    const bad = await call("POST", "files", {
      body: uploadForm("x\n", "batch"),
      headers: { [TIME_SCALE_HEADER]: "-1" },
    });
    expect(bad.status).toBe(400);
  });

  it("fails a fine-tuning file that is not training data, with status_details", async () => {
    const good = await call("POST", "files", { body: uploadForm(trainingLines(2), "fine-tune") });
    expect((await call("GET", `files/${good.json.id}`)).json.status).toBe("processed");
    const bad = await call("POST", "files", { body: uploadForm('{"messages":[]}\nnot json\n', "fine-tune") });
    const got = await call("GET", `files/${bad.json.id}`);
    expect(got.json.status).toBe("error");
    expect(got.json.status_details).toMatch(/^Line 1 has no 'messages'/);
  });

  it("sets expires_at from expires_after and refuses bad values", async () => {
    const up = await call("POST", "files", {
      body: uploadForm("x\n", "batch", "e.jsonl", {
        "expires_after.anchor": "created_at",
        "expires_after.seconds": "1209600",
      }),
    });
    expect(up.json.expires_at).toBe(up.json.created_at + 1_209_600);
    for (const extra of [
      { "expires_after.anchor": "created_at", "expires_after.seconds": "60" },
      { "expires_after.anchor": "now", "expires_after.seconds": "1209600" },
    ]) {
      const bad = await call("POST", "files", { body: uploadForm("x\n", "batch", "e.jsonl", extra) });
      expect(bad.status).toBe(400);
      expect(bad.json.error.code).toBe("invalidPayload");
    }
  });

  it("refuses a bad purpose, a missing file, a JSON body and a file over maxFileBytes", async () => {
    const purpose = await call("POST", "files", { body: uploadForm("x", "batch_output") });
    expect([purpose.status, purpose.json.error.param]).toEqual([400, "purpose"]);
    const form = new FormData();
    form.set("purpose", "batch");
    const missing = await call("POST", "files", { body: form });
    expect([missing.status, missing.json.error.param]).toEqual([400, "file"]);
    const json = await call("POST", "files", { body: { purpose: "batch" } });
    expect(json.status).toBe(400);
    const big = await call("POST", "files", { body: uploadForm("x".repeat(5000), "batch") });
    expect([big.status, big.json.error.param]).toEqual([400, "file"]);
  });

  it("lists with purpose, order, limit and after, in pages", async () => {
    const fresh = await startEmulator({ timeScale: 0 });
    const c = resourceCaller(fresh.url).call;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(
        (await c("POST", "files", { body: uploadForm(`${i}\n`, i === 4 ? "fine-tune" : "batch") })).json.id,
      );
    const all = await c("GET", "files");
    expect(all.json.data.map((f: { id: string }) => f.id)).toEqual([...ids].reverse());
    const first = await c("GET", "files", { query: "purpose=batch&order=asc&limit=2" });
    expect(first.json).toMatchObject({ object: "list", has_more: true, first_id: ids[0], last_id: ids[1] });
    const second = await c("GET", "files", { query: `purpose=batch&order=asc&limit=2&after=${ids[1]}` });
    expect(second.json.data.map((f: { id: string }) => f.id)).toEqual([ids[2], ids[3]]);
    expect(second.json.has_more).toBe(false);
    expect((await c("GET", "files", { query: "limit=0" })).status).toBe(400);
    expect((await c("GET", "files", { query: "after=file-nope" })).status).toBe(400);
    await fresh.close();
  });

  it("deletes a file, then answers 404 for it", async () => {
    const up = await call("POST", "files", { body: uploadForm("x\n", "batch") });
    const del = await call("DELETE", `files/${up.json.id}`);
    expect(del.json).toEqual({ object: "file", id: up.json.id, deleted: true });
    const gone = await call("GET", `files/${up.json.id}`);
    expect(gone.status).toBe(404);
    expect(gone.json.error.code).toBe("notFound");
    expect((await call("PUT", "files")).status).toBe(405);
  });

  it("serves files on the v1 API and applies the fault header", async () => {
    const v1 = resourceCaller(emulator.url, "v1").call;
    const up = await v1("POST", "files", { body: uploadForm("x\n", "user_data") });
    expect(up.status).toBe(201);
    expect((await v1("GET", `files/${up.json.id}`)).json.purpose).toBe("user_data");
    const dated = await fetch(`${emulator.url}/openai/v1/files?api-version=2024-10-21`, {
      headers: { "api-key": "emulator-key" },
    });
    expect(dated.status).toBe(400);
    const fault = JSON.stringify({ kind: "status", status: 429, operation: "files/{file_id}" });
    const limited = await call("GET", `files/${up.json.id}`, { headers: { "x-aoai-emulator-fault": fault } });
    expect(limited.status).toBe(429);
    const other = await call("GET", "files", { headers: { "x-aoai-emulator-fault": fault } });
    expect(other.status).toBe(200);
  });

  it("answers 404 without an api-version, or for a version that lacks the route", async () => {
    const none = await fetch(`${emulator.url}/openai/files`, { headers: { "api-key": "emulator-key" } });
    expect(none.status).toBe(404);
    expect((await resourceCaller(emulator.url, "2024-06-01").call("GET", "batches")).status).toBe(404);
    expect((await resourceCaller(emulator.url, "2024-06-01").call("GET", "files")).status).toBe(200);
    expect((await call("POST", "fine_tuning/jobs/ftjob-x/pause")).status).toBe(404);
    const unauthorized = await fetch(`${emulator.url}/openai/files?api-version=2024-10-21`);
    expect(unauthorized.status).toBe(401);
  });
});
