import { describe, expect, it } from "vitest";
import { type FormSchemaNode, formBody } from "./form-body.js";

const SCHEMAS: Record<string, FormSchemaNode> = {
  flag: { type: "boolean" },
  image: {
    oneOf: [
      { type: "string", format: "binary" },
      { type: "array", items: { type: "string", format: "binary" } },
    ],
  },
};
const resolve = (node: FormSchemaNode) => (node.$ref ? SCHEMAS[node.$ref.split("/").pop()!]! : node);
const properties = new Map<string, FormSchemaNode>([
  ["temperature", { type: "number" }],
  ["n", { type: "integer" }],
  ["stream", { $ref: "#/components/schemas/flag" }],
  [
    "chunking_strategy",
    { anyOf: [{ type: "object", properties: { threshold: { type: "number" } } }, { type: "null" }] },
  ],
  ["prompt", { type: "string" }],
  ["image", { $ref: "#/components/schemas/image" }],
  ["tags[]", { type: "array", items: { type: "integer" } }],
]);
const file = (name: string) => ({ filename: name, contentType: "image/png", data: Buffer.from("x") });

describe("formBody", () => {
  it("reads each text field as its schema's type, and keeps text that is not that type", () => {
    expect(
      formBody(
        {
          temperature: " 0.5",
          n: "2",
          stream: "true",
          chunking_strategy: '{"type":"server_vad"}',
          prompt: "42",
          other: "1",
        },
        {},
        properties,
        resolve,
      ),
    ).toEqual({
      temperature: 0.5,
      n: 2,
      stream: true,
      chunking_strategy: { type: "server_vad" },
      prompt: "42",
      other: "1",
    });
    expect(formBody({ n: "two", stream: "yes" }, {}, properties, resolve)).toEqual({
      n: "two",
      stream: "yes",
    });
  });

  it("puts name[] parts and repeated files in arrays, one file as a single value", () => {
    expect(formBody({ "tags[]": ["1", "2"] }, { image: file("a.png") }, properties, resolve)).toEqual({
      "tags[]": [1, 2],
      image: "<file>",
    });
    const several = { "image[]": file("a.png"), "image[]#1": file("b.png") };
    expect(formBody({}, several, properties, resolve)).toEqual({ image: ["<file>", "<file>"] });
  });

  it("reads name[key] parts as the members of an object, each as its schema's type", () => {
    expect(
      formBody(
        { "chunking_strategy[type]": "server_vad", "chunking_strategy[threshold]": "0.5", "x[a][b]": "1" },
        {},
        properties,
        resolve,
      ),
    ).toEqual({ chunking_strategy: { type: "server_vad", threshold: 0.5 }, x: { a: { b: "1" } } });
  });

  it("refuses text where the schema wants a file", () => {
    expect(() => formBody({ image: "a.png" }, {}, properties, resolve)).toThrow(
      "Invalid type for 'image': expected a file, but got a string instead.",
    );
  });
});
