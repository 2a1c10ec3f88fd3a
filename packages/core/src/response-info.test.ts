import { createHttpHeaders, createPipelineRequest, type PipelineResponse } from "@azure/core-rest-pipeline";
import { describe, expect, it } from "vitest";
import { responseInfo, withResponse } from "./response-info.js";

function raw(headers: Record<string, string>, status = 200): PipelineResponse {
  return {
    request: createPipelineRequest({ url: "https://x" }),
    status,
    headers: createHttpHeaders(headers),
  };
}

describe("responseInfo", () => {
  it("takes x-request-id first, then apim-request-id", () => {
    expect(responseInfo(raw({ "x-request-id": "a", "apim-request-id": "b" }), 0).requestId).toBe("a");
    expect(responseInfo(raw({ "apim-request-id": "b" }), 0).requestId).toBe("b");
    expect(responseInfo(raw({}), 0).requestId).toBeUndefined();
  });

  it("carries status, headers, retry count and the raw response", () => {
    const r = raw({ "x-ms-region": "East US" }, 201);
    const info = responseInfo(r, 3);
    expect(info.status).toBe(201);
    expect(info.headers.get("x-ms-region")).toBe("East US");
    expect(info.retryCount).toBe(3);
    expect(info.raw).toBe(r);
  });
});

describe("withResponse", () => {
  it("attaches _response non-enumerably", () => {
    const info = responseInfo(raw({ "x-request-id": "a" }), 0);
    const value = withResponse({ id: "x", n: 1 }, info);
    expect(value._response).toBe(info);
    expect(Object.keys(value)).toEqual(["id", "n"]);
    expect(JSON.stringify(value)).toBe('{"id":"x","n":1}');
    expect({ ...value }).toEqual({ id: "x", n: 1 });
    expect(Object.getOwnPropertyDescriptor(value, "_response")?.enumerable).toBe(false);
  });
});
