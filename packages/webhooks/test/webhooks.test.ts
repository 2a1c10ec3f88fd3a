import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signWebhook, verifyWebhook, WebhookVerificationError } from "../src/index.js";
import { eventBody } from "./helpers.js";

// Integration: a real node:http receiver on 127.0.0.1, handed Node's own header object and the raw
// body bytes, as an app's handler would be.
const SECRET = "whsec_aW50ZWdyYXRpb24tdGVzdC1zZWNyZXQtMDEyMzQ1Njc4OQ==";
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    try {
      const event = await verifyWebhook(new Uint8Array(Buffer.concat(chunks)), req.headers, SECRET);
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ type: event.type }));
    } catch (error) {
      if (!WebhookVerificationError.isInstance(error)) throw error;
      res
        .writeHead(400, { "content-type": "application/json" })
        .end(JSON.stringify({ reason: error.reason }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const deliver = async (body: string, headers: Record<string, string>) => {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  return { status: res.status, json: (await res.json()) as Record<string, string> };
};

describe("a webhook receiver over HTTP", () => {
  it.each([
    ["response.completed", "resp_1"],
    ["batch.failed", "batch_1"],
    ["fine_tuning.job.succeeded", "ftjob-1"],
  ])("verifies a signed %s delivery", async (type, id) => {
    const body = eventBody("evt_1", type, id, Math.floor(Date.now() / 1000));
    const headers = await signWebhook(body, SECRET, { id: "wh_delivery_1" });
    expect(await deliver(body, { ...headers })).toEqual({ status: 200, json: { type } });
  });

  it("refuses a delivery whose body was changed on the way, and an unsigned one", async () => {
    const body = eventBody("evt_2", "batch.completed", "b");
    const headers = await signWebhook(body, SECRET, { id: "wh_delivery_2" });
    expect(await deliver(body.replace('"b"', '"c"'), { ...headers })).toEqual({
      status: 400,
      json: { reason: "invalid_signature" },
    });
    expect(await deliver(body, {})).toEqual({ status: 400, json: { reason: "missing_header" } });
  });

  it("refuses a replay of a delivery signed ten minutes ago", async () => {
    const body = eventBody("evt_3", "batch.completed", "b");
    const headers = await signWebhook(body, SECRET, {
      id: "wh_3",
      timestamp: Math.floor(Date.now() / 1000) - 600,
    });
    expect(await deliver(body, { ...headers })).toEqual({
      status: 400,
      json: { reason: "timestamp_out_of_tolerance" },
    });
  });
});
