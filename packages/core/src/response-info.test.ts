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

describe("rate-limit and routing facts", () => {
  it("are typed from Azure's headers", () => {
    const i = info({
      "x-ratelimit-limit-requests": "100",
      "x-ratelimit-remaining-requests": "99",
      "x-ratelimit-reset-requests": "6",
      "x-ratelimit-limit-tokens": "10000",
      "x-ratelimit-remaining-tokens": "9580",
      "x-ratelimit-reset-tokens": "12",
      "azure-openai-deployment-utilization": "37.5%",
      "x-ms-region": "Sweden Central",
      "x-ms-deployment-name": "gpt-4o-prod",
    });
    expect(i.rateLimit).toEqual({
      limitRequests: 100,
      remainingRequests: 99,
      resetRequestsMs: 6000,
      limitTokens: 10000,
      remainingTokens: 9580,
      resetTokensMs: 12000,
    });
    expect(i.deploymentUtilization).toBe(37.5);
    expect(i.region).toBe("Sweden Central");
    expect(i.deploymentName).toBe("gpt-4o-prod");
  });

  it("are undefined when absent or unreadable, never NaN", () => {
    const i = info({ "x-ratelimit-remaining-tokens": "lots", "azure-openai-deployment-utilization": "" });
    expect(i.rateLimit).toEqual({
      limitRequests: undefined,
      remainingRequests: undefined,
      resetRequestsMs: undefined,
      limitTokens: undefined,
      remainingTokens: undefined,
      resetTokensMs: undefined,
    });
    expect(i.deploymentUtilization).toBeUndefined();
    expect(i.region).toBeUndefined();
    expect(i.deploymentName).toBeUndefined();
  });

  it("are read on demand: nothing is parsed until asked, and they stay out of keys and JSON", () => {
    let reads = 0;
    const headers = createHttpHeaders({ "x-ratelimit-remaining-tokens": "5" });
    const get = headers.get.bind(headers);
    headers.get = (name) => {
      reads++;
      return get(name);
    };
    const i = responseInfo(200, headers, 0);
    const before = reads;
    expect(Object.keys(i).sort()).toEqual(["headers", "requestId", "retryCount", "status"]);
    expect(reads).toBe(before);
    expect(i.rateLimit.remainingTokens).toBe(5);
    expect(reads).toBeGreaterThan(before);
  });
});
