import { describe, expect, it } from "vitest";
import { sampleFromSchema } from "./json-schema-sample.js";

describe("sampleFromSchema", () => {
  it("fills every property with a value of the right type", () => {
    const value = sampleFromSchema({
      type: "object",
      properties: {
        s: { type: "string" },
        i: { type: "integer", minimum: 5 },
        n: { type: "number", maximum: -2 },
        b: { type: "boolean" },
        e: { enum: ["x", "y"] },
        c: { const: 42 },
        d: { type: "string", format: "date-time" },
        arr: { type: "array", items: { type: "integer" }, minItems: 3 },
        nullable: { type: ["string", "null"] },
      },
    });
    expect(value).toEqual({
      s: "sample s",
      i: 5,
      n: -2,
      b: true,
      e: "x",
      c: 42,
      d: "2025-01-01T00:00:00Z",
      arr: [1, 1, 1],
      nullable: "sample nullable",
    });
  });

  it("follows $ref, anyOf (skipping null) and allOf", () => {
    const schema = {
      type: "object",
      properties: {
        a: { $ref: "#/$defs/point" },
        b: { anyOf: [{ type: "null" }, { $ref: "#/definitions/tag" }] },
        c: {
          allOf: [
            { type: "object", properties: { x: { type: "string" } } },
            { properties: { y: { type: "boolean" } } },
          ],
        },
      },
      $defs: { point: { type: "object", properties: { x: { type: "number" } }, required: ["x"] } },
      definitions: { tag: { type: "string", minLength: 12 } },
    };
    const value = sampleFromSchema(schema) as { a: unknown; b: string; c: unknown };
    expect(value.a).toEqual({ x: 1 });
    expect(value.b.length).toBeGreaterThanOrEqual(12);
    expect(value.c).toEqual({ x: "sample x", y: true });
  });

  it("terminates on recursive schemas", () => {
    const schema = {
      $defs: { node: { type: "object", properties: { child: { $ref: "#/$defs/node" } } } },
      $ref: "#/$defs/node",
    };
    expect(() => JSON.stringify(sampleFromSchema(schema))).not.toThrow();
  });

  it("respects maxLength and multipleOf", () => {
    expect(sampleFromSchema({ type: "string", maxLength: 3 })).toBe("sam");
    expect(sampleFromSchema({ type: "number", minimum: 7, multipleOf: 5 })).toBe(10);
  });
});
