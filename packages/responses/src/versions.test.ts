import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { versions } from "./versions.js";

const spec = JSON.parse(
  readFileSync(
    new URL("../../../specs/azure-openai/2025-04-01-preview/inference.json", import.meta.url),
    "utf8",
  ),
) as {
  paths: Record<string, unknown>;
  components: { schemas: Record<string, { enum?: string[]; oneOf?: { $ref: string }[] }> };
};

describe("versions", () => {
  it("has the operation on the dated preview the spec shows, and on v1", () => {
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        "/openai/responses",
        "/openai/responses/{response_id}",
        "/openai/responses/{response_id}/input_items",
      ]),
    );
    expect(versions("responses")).toEqual(["2025-03-01-preview", "2025-04-01-preview", "v1", "preview"]);
  });

  it("gates on v1 only what the dated spec lacks", () => {
    const includable = spec.components.schemas.includable!.enum!;
    expect(includable).not.toContain("reasoning.encrypted_content");
    const tools = spec.components.schemas.Tool!.oneOf!.map((t) => t.$ref.split("/").at(-1));
    expect(tools).toEqual(["FileSearchTool", "FunctionTool", "ComputerTool"]);
    expect(Object.keys(spec.paths).some((p) => p.endsWith("/cancel") && p.includes("responses"))).toBe(false);
    for (const name of [
      "background",
      "mcp",
      "image_generation",
      "reasoning.encrypted_content",
      "responses/cancel",
      "responses/compact",
    ])
      expect(versions(name)).toEqual(["v1", "preview"]);
  });
});
