import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { InvalidInputError } from "../src/index.js";
import { chat, clientFor } from "./support/client.js";
import { startServer, type TestServer } from "./support/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe("routing over the wire", () => {
  it("sends a dated version to the deployment route", async () => {
    await clientFor(server, { apiVersion: "2025-04-01-preview" }).json(chat);
    const [request] = server.requests;
    expect(request!.method).toBe("POST");
    expect(request!.url).toBe("/openai/deployments/gpt-4o/chat/completions?api-version=2025-04-01-preview");
    expect(JSON.parse(request!.body)).toEqual(chat.body);
    expect(request!.headers["content-type"]).toBe("application/json");
  });

  it("sends v1 to /openai/v1/{path} with the deployment as model", async () => {
    await clientFor(server, { apiVersion: "v1" }).json(chat);
    const [request] = server.requests;
    expect(request!.url).toBe("/openai/v1/chat/completions");
    expect(JSON.parse(request!.body)).toEqual({ ...chat.body, model: "gpt-4o" });
  });

  it("v1 overrides a model in the body with the deployment", async () => {
    await clientFor(server, { apiVersion: "v1" }).json({ ...chat, body: { ...chat.body, model: "other" } });
    expect(JSON.parse(server.requests[0]!.body).model).toBe("gpt-4o");
  });

  it("v1 adds model to a multipart body", async () => {
    const form = new FormData();
    form.set("file", new Blob(["abc"]), "a.wav");
    await clientFor(server, { apiVersion: "v1" }).json({
      path: "audio/transcriptions",
      deployment: "whisper",
      body: form,
    });
    const [request] = server.requests;
    expect(request!.url).toBe("/openai/v1/audio/transcriptions");
    expect(request!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(request!.body).toMatch(/name="model"\r\n\r\nwhisper\r\n/);
  });

  it("escapes a deployment with spaces as one path segment", async () => {
    await clientFor(server).json({ ...chat, deployment: "my dep ü" });
    expect(server.requests[0]!.url).toBe(
      "/openai/deployments/my%20dep%20%C3%BC/chat/completions?api-version=2024-10-21",
    );
  });

  it.each(["../x", "a/b", "a?b", "a#b", "%2e%2e", "a\nb", ""])(
    "refuses deployment %j before sending",
    async (deployment) => {
      await expect(clientFor(server).json({ ...chat, deployment })).rejects.toBeInstanceOf(InvalidInputError);
      expect(server.requests).toHaveLength(0);
    },
  );

  it("keeps a gateway path prefix", async () => {
    const client = clientFor(server, { endpoint: `${server.url}/gateway/openai/` });
    await client.json(chat);
    expect(server.requests[0]!.url).toBe(
      "/gateway/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
    );
  });
});
