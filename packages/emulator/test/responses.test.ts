import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../src/index.js";
import { postJson, type Wire } from "./helpers.js";

let emulator: Emulator;
let v1: string;
beforeAll(async () => {
  emulator = await startEmulator();
  v1 = `${emulator.url}/openai/v1/responses`;
});
afterAll(() => emulator.close());

const KEY = { "api-key": "emulator-key" };
const get = async (url: string, init: RequestInit = {}) => {
  const res = await fetch(url, { ...init, headers: { ...KEY, ...init.headers } });
  const text = await res.text();
  return { res, text, json: (): Wire => JSON.parse(text) };
};
const script = (reply: object) => ({ "x-aoai-emulator-reply": JSON.stringify(reply) });

/** The events of a Responses SSE body: `event:` names and JSON payloads. */
function events(text: string): Wire[] {
  return text
    .split("\n\n")
    .filter(Boolean)
    .map((frame) => {
      const [eventLine, dataLine] = frame.split("\n");
      const payload = JSON.parse(dataLine!.slice(6));
      expect(eventLine).toBe(`event: ${payload.type}`);
      return payload;
    });
}

describe("responses (emulator)", () => {
  it("answers on /openai/v1/responses with model = the deployment, and on the dated preview route", async () => {
    const a = await postJson(v1, { model: "gpt-4.1", input: "Hi there" });
    expect(a.res.status).toBe(200);
    const body = a.json();
    expect(body).toMatchObject({ object: "response", status: "completed", model: "gpt-4.1", store: true });
    expect(body.id).toMatch(/^resp_/);
    expect(body.output[0]).toMatchObject({ type: "message", role: "assistant", status: "completed" });
    expect(body.output[0].content[0].text).toContain("Hi there");
    const dated = await postJson(`${emulator.url}/openai/responses?api-version=2025-04-01-preview`, {
      model: "gpt-4.1",
      input: "Hi",
    });
    expect(dated.res.status).toBe(200);
    const old = await postJson(`${emulator.url}/openai/responses?api-version=2024-10-21`, {
      model: "gpt-4.1",
      input: "Hi",
    });
    expect(old.res.status).toBe(404);
    const dated404 = await postJson(
      `${emulator.url}/openai/responses/x/cancel?api-version=2025-04-01-preview`,
      {},
    );
    expect(dated404.res.status).toBe(404);
  });

  it("streams events in the service's order with increasing sequence numbers", async () => {
    const { text } = await postJson(v1, { model: "gpt-4.1", input: "Stream it", stream: true });
    const list = events(text);
    expect(list.map((e) => e.sequence_number)).toEqual(list.map((_, i) => i));
    const types = list.map((e) => e.type);
    expect(types.slice(0, 4)).toEqual([
      "response.created",
      "response.in_progress",
      "response.output_item.added",
      "response.content_part.added",
    ]);
    expect(types.slice(-4)).toEqual([
      "response.output_text.done",
      "response.content_part.done",
      "response.output_item.done",
      "response.completed",
    ]);
    const text2 = list
      .filter((e) => e.type === "response.output_text.delta")
      .map((e) => e.delta)
      .join("");
    expect(text2).toBe(list.at(-1).response.output[0].content[0].text);
  });

  it("scripts refusals, function calls, reasoning with summaries and encrypted content, and hosted tools", async () => {
    const { json } = await postJson(
      v1,
      {
        model: "o4-mini",
        input: "Think",
        reasoning: { effort: "low", summary: "auto" },
        include: ["reasoning.encrypted_content", "code_interpreter_call.outputs"],
        store: false,
        tools: [
          {
            type: "mcp",
            server_label: "docs",
            server_url: "https://example.com/mcp",
            require_approval: "never",
          },
        ],
      },
      script({
        reasoning: { summary: ["First", "Second"] },
        hosted_tools: ["code_interpreter", "file_search", "web_search", "mcp"],
        refusal: "I can't help with that.",
      }),
    );
    const out = json().output;
    expect(out.map((i: Wire) => i.type)).toEqual([
      "reasoning",
      "code_interpreter_call",
      "file_search_call",
      "web_search_call",
      "mcp_list_tools",
      "mcp_call",
      "message",
    ]);
    expect(out[0].summary).toEqual([
      { type: "summary_text", text: "First" },
      { type: "summary_text", text: "Second" },
    ]);
    expect(out[0].encrypted_content).toMatch(/^gAAAAA/);
    expect(out[1].outputs).toEqual([{ type: "logs", logs: "4\n" }]);
    expect(out[6].content).toEqual([{ type: "refusal", refusal: "I can't help with that." }]);

    const calls = await postJson(
      v1,
      { model: "gpt-4.1", input: "x" },
      script({ function_calls: [{ name: "f", arguments: { a: 1 } }] }),
    );
    expect(calls.json().output).toEqual([
      expect.objectContaining({ type: "function_call", name: "f", arguments: '{"a":1}' }),
    ]);
  });

  it("needs the image deployment header for the image_generation tool", async () => {
    const body = { model: "gpt-4.1", input: "A red square", tools: [{ type: "image_generation" }] };
    const refused = await postJson(v1, body);
    expect(refused.res.status).toBe(400);
    expect(refused.json().error.message).toContain("x-ms-oai-image-generation-deployment");
    const ok = await postJson(v1, body, { "x-ms-oai-image-generation-deployment": "gpt-image-1" });
    const call = ok.json().output[0];
    expect(call.type).toBe("image_generation_call");
    expect(Buffer.from(call.result, "base64").subarray(1, 4).toString()).toBe("PNG");
  });

  it("stores, retrieves, lists input items in pages, chains previous_response_id and deletes", async () => {
    const first = (
      await postJson(v1, {
        model: "gpt-4.1",
        input: [
          { role: "user", content: "One" },
          { role: "user", content: "Two" },
          { role: "user", content: "Three" },
        ],
      })
    ).json();
    const got = await get(`${v1}/${first.id}`);
    expect(got.json()).toEqual(first);
    const page = (await get(`${v1}/${first.id}/input_items?limit=2`)).json();
    expect(page).toMatchObject({ object: "list", has_more: true });
    expect(page.data.map((i: Wire) => i.content[0].text)).toEqual(["Three", "Two"]);
    const next = (await get(`${v1}/${first.id}/input_items?limit=2&after=${page.last_id}`)).json();
    expect(next.data.map((i: Wire) => i.content[0].text)).toEqual(["One"]);
    const second = (
      await postJson(v1, { model: "gpt-4.1", input: "Four", previous_response_id: first.id })
    ).json();
    expect(second.output[0].content[0].text).toContain("turn 4");
    const missing = await postJson(v1, { model: "gpt-4.1", input: "x", previous_response_id: "resp_nope" });
    expect(missing.res.status).toBe(400);
    const deleted = await get(`${v1}/${first.id}`, { method: "DELETE" });
    expect(deleted.json()).toEqual({ id: first.id, object: "response", deleted: true });
    expect((await get(`${v1}/${first.id}`)).res.status).toBe(404);
  });

  it("answers Azure's 400 for a replayed item id that was never stored", async () => {
    const unstored = (
      await postJson(v1, {
        model: "o4-mini",
        input: "Hi",
        store: false,
        include: ["reasoning.encrypted_content"],
      })
    ).json();
    const reasoning = unstored.output[0];
    expect(reasoning.id).toMatch(/^rs_/);
    const replay = await postJson(v1, {
      model: "o4-mini",
      store: false,
      input: [reasoning, { role: "user", content: "And?" }],
    });
    expect(replay.res.status).toBe(400);
    expect(replay.json().error.message).toBe(
      `Item with id '${reasoning.id}' not found. Items are not persisted when \`store\` is set to false. Try again with \`store\` set to true, or remove this item from your input.`,
    );
    const { id: _id, ...withoutId } = reasoning;
    const ok = await postJson(v1, {
      model: "o4-mini",
      store: false,
      input: [withoutId, { role: "user", content: "And?" }],
    });
    expect(ok.res.status).toBe(200);
  });

  it("runs background jobs: queued, then completed; cancel; stream again from starting_after", async () => {
    const created = (
      await postJson(
        v1,
        { model: "gpt-4.1", input: "Slow", background: true },
        { "x-aoai-emulator-time-scale": "0.2" },
      )
    ).json();
    expect(created).toMatchObject({ status: "queued", background: true, output: [] });
    let status = created.status;
    for (let i = 0; i < 50 && status !== "completed"; i++) {
      await new Promise((r) => setTimeout(r, 20));
      status = (await get(`${v1}/${created.id}`)).json().status;
    }
    expect(status).toBe("completed");
    const again = events((await get(`${v1}/${created.id}?stream=true&starting_after=3`)).text);
    expect(again[0].sequence_number).toBe(4);
    expect(again.at(-1).type).toBe("response.completed");
    expect((await postJson(`${v1}/${created.id}/cancel`, {})).res.status).toBe(400);

    const slow = (
      await postJson(
        v1,
        { model: "gpt-4.1", input: "Slow", background: true },
        { "x-aoai-emulator-time-scale": "100" },
      )
    ).json();
    const cancelled = await postJson(`${v1}/${slow.id}/cancel`, {});
    expect(cancelled.json().status).toBe("cancelled");
    const noBackground = (await postJson(v1, { model: "gpt-4.1", input: "x" })).json();
    expect((await get(`${v1}/${noBackground.id}?stream=true`)).res.status).toBe(400);
    const bad = await postJson(v1, { model: "gpt-4.1", input: "x", background: true, store: false });
    expect(bad.res.status).toBe(400);
  });

  it("drops a stream midway when a reset-mid-stream fault is injected", async () => {
    const fault = {
      "x-aoai-emulator-fault": JSON.stringify({
        kind: "reset-mid-stream",
        after_chunks: 3,
        operation: "responses",
      }),
    };
    await expect(postJson(v1, { model: "gpt-4.1", input: "x", stream: true }, fault)).rejects.toThrow();
  });

  it("compacts a conversation on the v1 route only", async () => {
    const done = await postJson(`${v1}/compact`, { model: "gpt-4.1", input: "Long talk" });
    expect(done.json()).toMatchObject({ object: "response.compaction", output: [{ type: "compaction" }] });
    const dated = await postJson(`${emulator.url}/openai/responses/compact?api-version=2025-04-01-preview`, {
      model: "gpt-4.1",
    });
    expect(dated.res.status).toBe(404);
  });

  it("refuses an unknown include value", async () => {
    const res = await postJson(v1, { model: "gpt-4.1", input: "x", include: ["reasoning.everything"] });
    expect(res.res.status).toBe(400);
    expect(res.json().error.param).toBe("include[0]");
  });
});
