import { describe, expect, it } from "vitest";
import { jsonSchemaFormat, parseOutput, ResponseParseError, type StandardSchemaV1 } from "./parse.js";
import type { Response } from "./response-types.js";

const respond = (content: object[], status = "completed") =>
  ({
    id: "r",
    object: "response",
    status,
    output: [{ type: "message", id: "m", role: "assistant", status, content }],
  }) as unknown as Response;

// A hand-written Standard Schema validator: what zod 4, valibot and arktype expose.
const point: StandardSchemaV1<{ x: number }> = {
  "~standard": {
    version: 1,
    vendor: "test",
    validate: (value) =>
      typeof (value as { x?: unknown })?.x === "number"
        ? { value: value as { x: number } }
        : { issues: [{ message: "x must be a number", path: ["x"] }] },
  },
};

describe("parseOutput", () => {
  it("parses JSON, validated by a Standard Schema", async () => {
    const parsed = await parseOutput(
      respond([{ type: "output_text", text: '{"x":1}', annotations: [] }]),
      point,
    );
    expect(parsed.output_parsed).toEqual({ x: 1 });
    expect(parsed.refusal).toBeNull();
  });

  it("surfaces a refusal instead of throwing", async () => {
    const parsed = await parseOutput(respond([{ type: "refusal", refusal: "I can't." }]), point);
    expect(parsed).toMatchObject({ output_parsed: null, refusal: "I can't." });
  });

  it("throws ResponseParseError for text that is not JSON or does not validate", async () => {
    await expect(parseOutput(respond([{ type: "output_text", text: "{", annotations: [] }]))).rejects.toThrow(
      ResponseParseError,
    );
    await expect(
      parseOutput(respond([{ type: "output_text", text: '{"x', annotations: [] }], "incomplete")),
    ).rejects.toThrow(/incomplete/);
    const error = await parseOutput(
      respond([{ type: "output_text", text: '{"x":"1"}', annotations: [] }]),
      point,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect((error as ResponseParseError).issues).toEqual([{ message: "x must be a number", path: ["x"] }]);
  });

  it("builds a strict json_schema text format", () => {
    expect(jsonSchemaFormat("p", { type: "object" })).toEqual({
      format: { type: "json_schema", name: "p", schema: { type: "object" }, strict: true },
    });
  });
});
