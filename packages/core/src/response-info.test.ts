import { createHttpHeaders } from "@azure/core-rest-pipeline";
import { describe, expect, it } from "vitest";
import { responseInfo, withResponse } from "./response-info.js";

const info = (headers: Record<string, string>, status = 200, retries = 0) =>
  responseInfo(status, createHttpHeaders(headers), retries);

describe("responseInfo", () => {
  it("takes x-request-id first, then apim-request-id", () => {
    expect(info({ "x-request-id": "a", "apim-request-id": "b" }).requestId).toBe("a");
    expect(info({ "apim-request-id": "b" }).requestId).toBe("b");
    expect(info({}).requestId).toBeUndefined();
  });

  it("carries status, headers and retry count, and nothing of the request", () => {
    const i = info({ "x-ms-region": "East US" }, 201, 3);
    expect(i.status).toBe(201);
    expect(i.headers.get("x-ms-region")).toBe("East US");
    expect(i.retryCount).toBe(3);
    expect(Object.keys(i).sort()).toEqual(["headers", "requestId", "retryCount", "status"]);
  });
});

describe("withResponse", () => {
  it("attaches _response non-enumerably", () => {
    const i = info({ "x-request-id": "a" });
    const value = withResponse({ id: "x", n: 1 }, i);
    expect(value._response).toBe(i);
    expect(Object.keys(value)).toEqual(["id", "n"]);
    expect(JSON.stringify(value)).toBe('{"id":"x","n":1}');
    expect({ ...value }).toEqual({ id: "x", n: 1 });
    expect(Object.getOwnPropertyDescriptor(value, "_response")?.enumerable).toBe(false);
  });
});
