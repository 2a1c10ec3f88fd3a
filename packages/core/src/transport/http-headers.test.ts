import { describe, expect, it } from "vitest";
import { createHeaders } from "./http-headers.js";

describe("createHeaders", () => {
  it("looks names up case-insensitively and keeps the last value set", () => {
    const h = createHeaders({ "Content-Type": "application/json" });
    h.set("content-type", "text/plain");
    expect(h.get("CONTENT-TYPE")).toBe("text/plain");
    expect(h.has("Content-type")).toBe(true);
    h.delete("CONTENT-type");
    expect(h.has("content-type")).toBe(false);
    expect(h.get("content-type")).toBeUndefined();
  });

  it("turns numbers and booleans into trimmed strings", () => {
    const h = createHeaders();
    h.set("Content-Length", 42);
    h.set("x-flag", true);
    h.set("x-padded", "  v  ");
    expect(h.toJSON()).toEqual({ "content-length": "42", "x-flag": "true", "x-padded": "v" });
  });

  it("gives lower-case names by default and the set case with preserveCase, as core-rest-pipeline does", () => {
    const h = createHeaders({ "X-Ms-Useragent": "a", accept: "b" });
    expect(h.toJSON()).toEqual({ "x-ms-useragent": "a", accept: "b" });
    expect(h.toJSON({ preserveCase: true })).toEqual({ "X-Ms-Useragent": "a", accept: "b" });
  });

  it("iterates name/value pairs in insertion order", () => {
    const h = createHeaders({ b: "1", A: "2" });
    h.set("c", "3");
    expect([...h]).toEqual([
      ["b", "1"],
      ["A", "2"],
      ["c", "3"],
    ]);
  });

  it("iterates copies, so changing a pair does not change the headers", () => {
    const h = createHeaders({ a: "1" });
    for (const pair of h) pair[1] = "changed";
    expect(h.get("a")).toBe("1");
  });
});
