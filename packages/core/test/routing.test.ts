import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { InvalidInputError } from "../src/index.js";
import { MultipartForm } from "../src/internal.js";
import { callJson, chat, clientFor } from "./support/client.js";
import { startServer, type TestServer } from "./support/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe("routing over the wire", () => {
  it("sends a dated version to the deployment route", async () => {
    await callJson(clientFor(server, { apiVersion: "2025-04-01-preview" }), chat);
    const [request] = server.requests;
    expect(request!.method).toBe("POST");
    expect(request!.url).toBe("/openai/deployments/gpt-4o/chat/completions?api-version=2025-04-01-preview");
    expect(JSON.parse(request!.body)).toEqual(chat.body);
    expect(request!.headers["content-type"]).toBe("application/json");
  });

  it("sends v1 to /openai/v1/{path} with the deployment as model", async () => {
    await callJson(clientFor(server, { apiVersion: "v1" }), chat);
    const [request] = server.requests;
    expect(request!.url).toBe("/openai/v1/chat/completions");
    expect(JSON.parse(request!.body)).toEqual({ ...chat.body, model: "gpt-4o" });
  });

  it("v1 refuses a model in the body that is not the deployment, and sends nothing", async () => {
    const client = clientFor(server, { apiVersion: "v1" });
    const call = callJson(client, { ...chat, body: { ...chat.body, model: "other" } });
    await expect(call).rejects.toThrow(/model.*"other".*"gpt-4o"/);
    await expect(call).rejects.toBeInstanceOf(InvalidInputError);
    expect(server.requests).toHaveLength(0);
    await callJson(client, { ...chat, body: { ...chat.body, model: "gpt-4o" } });
    expect(JSON.parse(server.requests[0]!.body).model).toBe("gpt-4o");
  });

  it("sends resource routes (no deployment, no model) with GET and DELETE", async () => {
    const client = clientFor(server, { apiVersion: "v1" });
    await callJson(client, { path: "files/{id}", params: { id: "file-1" }, method: "DELETE" });
    await callJson(client, { path: "files", method: "GET", query: { limit: 2, after: "f 1" } });
    const dated = clientFor(server, { apiVersion: "2025-04-01-preview" });
    await callJson(dated, { path: "batches/{id}/cancel", params: { id: "b/1" }, body: {} });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "DELETE /openai/v1/files/file-1",
      "GET /openai/v1/files?limit=2&after=f%201",
      "POST /openai/batches/b%2F1/cancel?api-version=2025-04-01-preview",
    ]);
    expect(server.requests[2]!.body).toBe("{}");
  });

  it("v1 adds model to a multipart body", async () => {
    await callJson(clientFor(server, { apiVersion: "v1" }), {
      path: "audio/transcriptions",
      deployment: "whisper",
      body: new MultipartForm({ file: new Blob(["abc"]) }, { file: {} }),
    });
    const [request] = server.requests;
    expect(request!.url).toBe("/openai/v1/audio/transcriptions");
    expect(request!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(request!.body).toMatch(/name="model"\r\n\r\nwhisper\r\n/);
  });

  it("escapes a deployment with spaces as one path segment", async () => {
    await callJson(clientFor(server, { apiVersion: "2024-10-21" }), { ...chat, deployment: "my dep ü" });
    expect(server.requests[0]!.url).toBe(
      "/openai/deployments/my%20dep%20%C3%BC/chat/completions?api-version=2024-10-21",
    );
  });

  it.each(["../x", "a/b", "a?b", "a#b", "%2e%2e", "a\nb", ""])(
    "refuses deployment %j before sending",
    async (deployment) => {
      await expect(callJson(clientFor(server), { ...chat, deployment })).rejects.toBeInstanceOf(
        InvalidInputError,
      );
      expect(server.requests).toHaveLength(0);
    },
  );

  it("keeps a gateway path prefix", async () => {
    const client = clientFor(server, { endpoint: `${server.url}/gateway/openai/`, apiVersion: "2024-10-21" });
    await callJson(client, chat);
    expect(server.requests[0]!.url).toBe(
      "/gateway/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
    );
  });
});
