import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { UnsupportedApiVersionError } from "../src/index.js";
import { versionsFrom } from "../src/internal.js";
import { callBinary, callJson, clientFor } from "./support/client.js";
import { startServer, type TestServer } from "./support/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

// As a feature package declares it: the dated previews from 2024-08 on, and v1 only as preview.
const speech = {
  path: "audio/speech",
  deployment: "tts",
  body: { input: "hi", voice: "alloy" },
  versions: versionsFrom("2024-08~"),
};

describe("API version checks before sending", () => {
  it("refuses audio/speech on 2024-10-21, naming the versions that have it, and sends nothing", async () => {
    const client = clientFor(server, { apiVersion: "2024-10-21" });
    const error = await callBinary(client, speech).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedApiVersionError);
    const e = error as UnsupportedApiVersionError;
    expect(e.feature).toBe("audio/speech");
    expect(e.apiVersion).toBe("2024-10-21");
    expect(e.supportedVersions).toContain("2025-04-01-preview");
    expect(e.supportedVersions).toContain("preview");
    expect(e.supportedVersions).not.toContain("v1");
    expect(e.supportedVersions).not.toContain("2024-10-21");
    expect(e.message).toContain("2025-04-01-preview");
    expect(e.message).toContain("preview");
    expect(server.requests).toHaveLength(0);
  });

  it("sends audio/speech on a version that has it", async () => {
    server.script({ status: 200, headers: { "content-type": "audio/mpeg" }, body: "ID3-bytes" });
    const result = await callBinary(clientFor(server, { apiVersion: "2025-04-01-preview" }), speech);
    expect(server.requests).toHaveLength(1);
    expect(new TextDecoder().decode(result.data)).toBe("ID3-bytes");
    expect(result.contentType).toBe("audio/mpeg");
    expect(server.requests[0]!.headers.accept).toBe("*/*");
  });

  it("honours a feature package's own version list", async () => {
    const client = clientFor(server, { apiVersion: "2024-10-21" });
    await expect(
      callJson(client, { path: "custom/op", deployment: "d", versions: ["v1"], body: {} }),
    ).rejects.toBeInstanceOf(UnsupportedApiVersionError);
    expect(server.requests).toHaveLength(0);
  });

  it("passes an unknown dated version through unchecked", async () => {
    const client = clientFor(server, { apiVersion: "2031-01-01-preview" });
    await callBinary(client, speech);
    expect(server.requests[0]!.url).toBe(
      "/openai/deployments/tts/audio/speech?api-version=2031-01-01-preview",
    );
  });

  it("does not check an operation that declares no versions", async () => {
    await callJson(clientFor(server), { path: "extensions/chat/completions", deployment: "d", body: {} });
    expect(server.requests).toHaveLength(1);
  });

  it("sends anyway when the client turns version checks off", async () => {
    const client = clientFor(server, { apiVersion: "2024-10-21", versionChecks: false });
    await callBinary(client, speech);
    expect(server.requests[0]!.url).toBe("/openai/deployments/tts/audio/speech?api-version=2024-10-21");
  });
});
