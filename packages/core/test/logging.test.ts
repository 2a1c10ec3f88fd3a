import { AzureLogger, type AzureLogLevel, getLogLevel, setLogLevel } from "@azure/logger";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { API_KEY, callJson, chat, clientFor } from "./support/client.js";
import { json, startServer, type TestServer } from "./support/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const BEARER = "secret-bearer-token-for-logging";
const responseHeaders = {
  "x-request-id": "rid-log-1",
  "apim-request-id": "apim-log-1",
  "x-ms-region": "Sweden Central",
  "x-ratelimit-remaining-requests": "41",
  "set-cookie": "session=cookie-secret",
};

let savedLevel: AzureLogLevel | undefined;
let savedLog: typeof AzureLogger.log;
let lines: string[];

beforeEach(() => {
  server.reset();
  server.fallback(json(200, { ok: true }, responseHeaders));
  savedLevel = getLogLevel();
  savedLog = AzureLogger.log;
  lines = [];
  AzureLogger.log = (...args: unknown[]) => {
    lines.push(args.map(String).join(" "));
  };
});
afterEach(() => {
  AzureLogger.log = savedLog;
  setLogLevel(savedLevel);
  vi.restoreAllMocks();
});

describe("logging", () => {
  it("logs request ids, region and rate limits, redacts credentials (api key)", async () => {
    setLogLevel("info");
    await callJson(clientFor(server), chat);
    const text = lines.join("\n");
    expect(text).toContain("rid-log-1");
    expect(text).toContain("apim-log-1");
    expect(text).toContain("Sweden Central");
    expect(text).toMatch(/x-ratelimit-remaining-requests"?\s*:\s*"?41/);
    expect(text).toMatch(/api-key"?\s*:\s*"?REDACTED/);
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain("cookie-secret");
  });

  it("redacts a bearer token", async () => {
    setLogLevel("info");
    await callJson(clientFor(server, { tokenProvider: () => BEARER }), chat);
    const text = lines.join("\n");
    expect(text).toContain("rid-log-1");
    expect(text).toMatch(/authorization"?\s*:\s*"?REDACTED/i);
    expect(text).not.toContain(BEARER);
  });

  it("logs every attempt of a retried request without leaking the key", async () => {
    setLogLevel("info");
    server.script(json(503, {}, { "retry-after-ms": "1", "x-request-id": "rid-first" }));
    await callJson(clientFor(server), chat);
    const text = lines.join("\n");
    expect(text).toContain("rid-first");
    expect(text).toContain("rid-log-1");
    expect(text).not.toContain(API_KEY);
  });

  it("builds no log text while logging is off", async () => {
    const stringify = vi.spyOn(JSON, "stringify");
    // A header dump is a JSON object with header names as keys.
    const headerDumps = () =>
      stringify.mock.calls.filter(
        ([value]) =>
          value !== null && typeof value === "object" && ("user-agent" in value || "x-request-id" in value),
      );

    // Control: with logging on, the policy does build header dumps, so the check below can fail.
    setLogLevel("info");
    await callJson(clientFor(server), chat);
    expect(headerDumps().length).toBeGreaterThan(0);

    stringify.mockClear();
    setLogLevel(undefined);
    const sink = vi.fn();
    AzureLogger.log = sink;
    await callJson(clientFor(server), chat);
    expect(sink).not.toHaveBeenCalled();
    expect(headerDumps()).toEqual([]);
  });
});
