import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { listInputItems, type ResponseCreateRequest, toInputItems } from "../src/index.js";
import { CITY_FORMAT, cityTool, emulatorResponses } from "./helpers.js";

// The same logical calls through openai's client (`responses.create` / `stream` / `retrieve`…, on
// Azure's v1 base URL as Microsoft's docs show) and through this package, to a recording proxy in
// front of the emulator; the recorded requests are compared field by field.

interface Recorded {
  method: string;
  path: string;
  query: Record<string, string[]>;
  body: unknown;
}

let server: Server;
let url: string;
let log: Recorded[] = [];

beforeAll(async () => {
  const target = new URL(inject("emulatorUrl"));
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      record(req, raw);
      const forward = httpRequest(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 500, answer.headers);
          answer.pipe(res);
        },
      );
      forward.end(raw);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function record(req: IncomingMessage, raw: Buffer): void {
  const u = new URL(req.url ?? "/", "http://x");
  const query: Record<string, string[]> = {};
  for (const [k, v] of u.searchParams) query[k] = [...(query[k] ?? []), v];
  log.push({
    method: req.method ?? "",
    path: u.pathname,
    query,
    body: raw.length ? JSON.parse(raw.toString("utf8")) : undefined,
  });
}

/** The requests one side made while `run` ran. */
async function requestsOf(run: () => Promise<unknown>): Promise<Recorded[]> {
  log = [];
  await run();
  return log;
}

const openai = () =>
  new OpenAI({ baseURL: `${url}/openai/v1/`, apiKey: inject("emulatorApiKey"), maxRetries: 0 });
const ours = () => emulatorResponses({}, "gpt-4.1", {}, url).responses;
const reasoning = () => emulatorResponses({}, "o4-mini", {}, url).responses;

const requests: Record<string, ResponseCreateRequest> = {
  "text with instructions and sampling": {
    input: "When was Microsoft founded?",
    instructions: "Answer briefly.",
    max_output_tokens: 200,
    temperature: 0.2,
    top_p: 0.9,
    metadata: { app: "diff" },
    user: "user-1",
    truncation: "auto",
    service_tier: "default",
  },
  "function tools": {
    input: [{ role: "user", content: "Weather in Paris?" }],
    tools: [cityTool()],
    tool_choice: "auto",
    parallel_tool_calls: false,
  },
  "structured output": {
    input: "A city",
    text: CITY_FORMAT,
  },
  background: { input: "Later", background: true },
};

describe("differential: openai's client and this package send the same requests", () => {
  for (const [name, request] of Object.entries(requests)) {
    it(`create: ${name}`, async () => {
      const theirs = await requestsOf(() =>
        openai().responses.create({ model: "gpt-4.1", ...request } as never),
      );
      const mine = await requestsOf(() => ours().create(request));
      expect(mine).toHaveLength(1);
      // Identical, field by field: the deployment as `model` (this package fills it), nothing added
      // or dropped by either client.
      expect(mine[0]).toEqual(theirs[0]);
    });
  }

  it("stream: the same body with stream: true", async () => {
    const request = requests["text with instructions and sampling"]!;
    const theirs = await requestsOf(async () => {
      const s = openai().responses.stream({ model: "gpt-4.1", ...request } as never);
      await s.finalResponse();
    });
    const mine = await requestsOf(async () => (await ours().stream(request)).finalResponse());
    expect(mine[0]!.body).toEqual({ ...(request as object), model: "gpt-4.1", stream: true });
    expect(mine).toEqual(theirs);
  });

  it("stateless turn: store false with encrypted reasoning, the output replayed", async () => {
    const first = { input: "Hi", store: false, include: ["reasoning.encrypted_content" as const] };
    const response = await reasoning().create(first);
    const theirs = await requestsOf(() =>
      openai()
        .responses.create({
          model: "o4-mini",
          ...first,
          input: [
            { role: "user", content: "Hi" },
            ...(response.output as never[]),
            { role: "user", content: "And?" },
          ],
        })
        .catch(() => undefined),
    );
    const mine = await requestsOf(() =>
      reasoning().create({
        ...first,
        input: [
          { role: "user", content: "Hi" },
          ...toInputItems(response),
          { role: "user", content: "And?" },
        ],
      }),
    );
    // The one difference, on purpose: openai sends the output items as they came, ids included, and
    // Azure answers 400 "Item with id 'rs_…' not found" for them (the emulator does too); this
    // package's toInputItems leaves the ids out and keeps the encrypted reasoning.
    const strip = (items: unknown) => (items as { id?: string }[]).map(({ id: _id, ...rest }) => rest);
    const theirInput = (theirs[0]!.body as { input: { id?: string }[] }).input;
    expect(theirInput.filter((i) => i.id).length).toBe(response.output.length);
    expect((mine[0]!.body as { input: { id?: string }[] }).input.some((i) => i.id)).toBe(false);
    expect({
      ...(mine[0]!.body as object),
      input: strip((mine[0]!.body as { input: unknown }).input),
    }).toEqual({
      ...(theirs[0]!.body as object),
      input: strip(theirInput),
    });
  });

  it("retrieve with include, input items, delete, cancel: the same methods and paths", async () => {
    const stored = await ours().create({ input: "Keep me", background: true });
    const id = stored.id;
    const theirs = await requestsOf(async () => {
      const client = openai();
      await client.responses.retrieve(id, { include: ["reasoning.encrypted_content"] });
      await client.responses.inputItems.list(id, { limit: 5, order: "asc" });
      await client.responses.cancel(id).catch(() => undefined);
    });
    const mine = await requestsOf(async () => {
      const r = ours();
      await r.retrieve(id, { include: ["reasoning.encrypted_content"] });
      await listInputItems(r, id, { limit: 5, order: "asc" });
      await r.cancel(id).catch(() => undefined);
    });
    expect(mine.map((m) => [m.method, m.path])).toEqual(theirs.map((t) => [t.method, t.path]));
    // openai writes an array query parameter as `include[]=…`, this package as `include=…` (the
    // form Azure's specs give, `style: form, explode: true`); the values are the same.
    expect(mine[0]!.query).toEqual({ include: ["reasoning.encrypted_content"] });
    expect(theirs[0]!.query).toEqual({ "include[]": ["reasoning.encrypted_content"] });
    expect(mine[1]!.query).toEqual(theirs[1]!.query);
    const deletes = await requestsOf(async () => {
      const other = await ours().create({ input: "Delete me" });
      await openai().responses.delete(other.id);
      const again = await ours().create({ input: "Delete me too" });
      await ours().delete(again.id);
    });
    expect(
      deletes.filter((d) => d.method === "DELETE").map((d) => d.path.replace(/resp_\w+/, "{id}")),
    ).toEqual(["/openai/v1/responses/{id}", "/openai/v1/responses/{id}"]);
  });
});
