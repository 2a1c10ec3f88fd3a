import { createHttpHeaders, createPipelineRequest } from "@azure/core-rest-pipeline";
import { describe, expect, it } from "vitest";
import { InvalidResponseError } from "../errors/invalid-response-error.js";
import { liftStrings } from "./lift-strings.js";
import { liftedJson } from "./lifted-json.js";
import type { SentResponse } from "./reader.js";

const sent = (bodyAsText: string): SentResponse =>
  ({
    raw: {
      bodyAsText,
      status: 200,
      headers: createHttpHeaders({ "content-type": "application/json" }),
      request: createPipelineRequest({ url: "https://x" }),
    },
    info: { status: 200, headers: {} },
    controller: undefined,
    signal: undefined,
    idleTimeoutMs: 0,
    release: undefined,
  }) as unknown as SentResponse;

describe("liftStrings", () => {
  it("lifts each string value of the key out of what JSON.parse sees, as slices of the text", () => {
    const text = `{"data":[{"b64_json" : "QUJD","revised_prompt":"x"},{"b64_json":"REVG"}],"object":"b64_json"}`;
    const lifted = liftStrings(text, "b64_json")!;
    expect(lifted.strings).toEqual(["QUJD", "REVG"]);
    expect(lifted.value).toEqual({
      data: [{ b64_json: "#0", revised_prompt: "x" }, { b64_json: "#1" }],
      object: "b64_json",
    });
  });

  it("gives up where JSON.parse must decide: escapes, no such value, text that is not JSON", () => {
    expect(liftStrings(`{"b64_json":"QU\\/D"}`, "b64_json")).toBeUndefined();
    expect(liftStrings(`{"b64_json":null}`, "b64_json")).toBeUndefined();
    expect(liftStrings(`{"b64_json":"QUJD"`, "b64_json")).toBeUndefined();
    expect(liftStrings(`{"b64_json":"QUJD`, "b64_json")).toBeUndefined();
    expect(liftStrings("", "b64_json")).toBeUndefined();
  });

  it("does not take a key spelled inside another string (its quotes are escaped there)", () => {
    const text = `{"p":"say \\"b64_json\\": \\"QUJD\\"","b64_json":"REVG"}`;
    expect(liftStrings(text, "b64_json")).toEqual({
      value: { p: 'say "b64_json": "QUJD"', b64_json: "#0" },
      strings: ["REVG"],
    });
  });
});

describe("liftedJson", () => {
  const reader = liftedJson("v", (value, strings) => {
    const o = value as { v: string };
    if (o.v !== "#0" || strings.length !== 1) return undefined;
    o.v = strings[0]!.toLowerCase();
    return o;
  });

  it("hands the lifted values to place, and the result has _response", () => {
    const r = reader.read(sent(`{"v":"ABC"}`)) as { v: string; _response: unknown };
    expect(r.v).toBe("abc");
    expect(r._response).toBeDefined();
  });

  it("reads the whole text as the plain JSON reader does when place declines or nothing lifts", () => {
    expect((reader.read(sent(`{"v":"ABC","w":{"v":"D"}}`)) as { v: string }).v).toBe("ABC");
    expect((reader.read(sent(`{"v":1}`)) as unknown as { v: number }).v).toBe(1);
    expect(() => reader.read(sent(`{"v":"ABC"`))).toThrow(InvalidResponseError);
  });
});
